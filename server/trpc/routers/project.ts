import { z } from "zod";
import { listProjects } from "../../../db/repositories/projects";
import { createProjectInput, projectSchema } from "../../http/schemas";
import { createProject } from "../../services/create-project";
import { adminProcedure, router, viewerProcedure } from "../init";

export const projectRouter = router({
  list: viewerProcedure.output(z.array(projectSchema)).query(({ ctx }) => listProjects(ctx.app.database)),
  create: adminProcedure.input(createProjectInput).output(projectSchema).mutation(({ ctx, input }) => createProject(ctx.app, ctx.actor, input)),
});
