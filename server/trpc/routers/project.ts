import { z } from "zod";
import { listProjects } from "../../../db/repositories/projects";
import { createProjectInput, projectSchema } from "../../http/schemas";
import { createProject } from "../../services/create-project";
import { listMemberships } from "../../../db/repositories/access";
import { procedureFor, router } from "../init";

export const projectRouter = router({
  /** The projects the caller may see: all of them for instance admins, else those they are a member of. */
  list: procedureFor("viewer", "instance")
    .output(z.array(projectSchema))
    .query(async ({ ctx }) => {
      const projects = await listProjects(ctx.app.database);
      if (!ctx.user || ctx.user.siteAdmin) return projects;
      const mine = new Set((await listMemberships(ctx.app.database, { userId: ctx.user.id })).map((m) => m.projectId));
      return projects.filter((project) => mine.has(project.id));
    }),
  create: procedureFor("admin", "instance").input(createProjectInput).output(projectSchema).mutation(({ ctx, input }) => createProject(ctx.app, ctx.actor, input)),
});
