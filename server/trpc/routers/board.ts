import { exact, strict } from "../../contracts/common";
import { tracked } from "@trpc/server";
import { boardChanges, boardInput, boardSchema, watchInput } from "../../contracts/board";
import { watchProjectBoard } from "../../events/watch-board";
import { getBoard } from "../../services/get-board";
import { asTrpcError, router, viewerProcedure } from "../init";

export const boardRouter = router({
  get: viewerProcedure
    .input(strict(boardInput))
    .output(exact<Awaited<ReturnType<typeof getBoard>>>()(boardSchema))
    .query(({ ctx, input }) => getBoard(ctx.app, input)),

  /** Every change to the project's board, live; resumes from `lastEventId` after a reconnect. */
  watch: viewerProcedure
    .input(strict(watchInput))
    .output(boardChanges)
    .subscription(async function* ({ ctx, input, signal }) {
      const watcher = { user: ctx.user, role: ctx.actor.role, recheck: ctx.recheck };
      try {
        for await (const change of watchProjectBoard(ctx.app, input, watcher, signal))
          yield tracked(String(change.eventId), change);
      } catch (error) {
        // A refusal during the stream reaches the client with its own code, as a query's would.
        throw asTrpcError(error);
      }
    }),
});
