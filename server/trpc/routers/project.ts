import { z } from "zod";
import { listProjects } from "../../../db/repositories/projects";
import { createProjectInput, projectSchema } from "../../http/schemas";
import { createProject } from "../../services/create-project";
import { projectsOf } from "../../auth/session";
import { procedureFor, router } from "../init";

export const projectRouter = router({
  /** The projects the caller may see: all of them for instance admins, else those they are a member of. */
  list: procedureFor("viewer", "instance")
    .output(z.array(projectSchema))
    .query(({ ctx }) => (ctx.user ? projectsOf(ctx.app, ctx.user) : listProjects(ctx.app.database))),
  create: procedureFor("admin", "instance")
    .input(createProjectInput)
    .output(projectSchema)
    .mutation(({ ctx, input }) => createProject(ctx.app, ctx.actor, input)),
});
