import { z } from "zod";
import { listEventsAfter } from "../../../db/repositories/events";
import { eventSchema, projectRef } from "../../http/schemas";
import { requireProject } from "../../services/lookups";
import { router, viewerProcedure } from "../init";

export const eventRouter = router({
  /** The project's event log, oldest first, after a given id (for tools and the activity view). */
  list: viewerProcedure
    .input(
      projectRef.extend({
        afterId: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .output(z.array(eventSchema))
    .query(async ({ ctx, input }) => {
      const project = await requireProject(ctx.app.database, input.project);
      return listEventsAfter(ctx.app.database, project.id, input.afterId, input.limit);
    }),
});
