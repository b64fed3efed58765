import { z } from "zod";
import { exact, strict } from "../../contracts/common";
import { createProjectInput, projectSchema } from "../../contracts/project";
import { createProject } from "../../services/create-project";
import { visibleProjects } from "../../services/list-projects";
import { procedureFor, router } from "../init";

export const projectRouter = router({
  /** The projects the caller may see: all of them for instance admins, else those they are a member of. */
  list: procedureFor("viewer", "instance")
    .input(z.void())
    .output(exact<Awaited<ReturnType<typeof visibleProjects>>>()(z.array(projectSchema)))
    .query(({ ctx }) => visibleProjects(ctx.app, ctx.user)),
  create: procedureFor("admin", "instance")
    .input(strict(createProjectInput))
    .output(projectSchema)
    .mutation(({ ctx, input }) => createProject(ctx.app, ctx.actor, input)),
});
