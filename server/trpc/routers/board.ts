import { tracked } from "@trpc/server";
import { z } from "zod";
import { boardInput, boardSchema, projectRef } from "../../http/schemas";
import { watchBoard } from "../../events/watch-board";
import { getBoard } from "../../services/get-board";
import { requireProject } from "../../services/lookups";
import { router, viewerProcedure } from "../init";

export const boardRouter = router({
  get: viewerProcedure
    .input(boardInput)
    .output(boardSchema)
    .query(({ ctx, input }) => getBoard(ctx.app, input)),

  /** Every change to the project's board, live; resumes from `lastEventId` after a reconnect. */
  watch: viewerProcedure.input(projectRef.extend({ lastEventId: z.string().nullish() })).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const project = await requireProject(ctx.app.database, input.project);
    const after = input.lastEventId ? Number.parseInt(input.lastEventId, 10) : null;
    for await (const change of watchBoard(ctx.app, project.id, Number.isFinite(after) ? after : null, signal)) {
      yield tracked(String(change.eventId), change);
    }
  }),
});
