import { exact } from "../../contracts/common";
import { tracked } from "@trpc/server";
import { boardChanges, boardInput, boardSchema, watchInput } from "../../contracts/board";
import { watchProjectBoard } from "../../events/watch-board";
import { getBoard } from "../../services/get-board";
import { router, viewerProcedure } from "../init";

export const boardRouter = router({
  get: viewerProcedure
    .input(boardInput)
    .output(exact<Awaited<ReturnType<typeof getBoard>>>()(boardSchema))
    .query(({ ctx, input }) => getBoard(ctx.app, input)),

  /** Every change to the project's board, live; resumes from `lastEventId` after a reconnect. */
  watch: viewerProcedure
    .input(watchInput)
    .output(boardChanges)
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const change of watchProjectBoard(ctx.app, input, signal))
        yield tracked(String(change.eventId), change);
    }),
});
