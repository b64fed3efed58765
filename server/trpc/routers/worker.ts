import { z } from "zod";
import { done, strict } from "../../contracts/common";
import { createdWorker, workerChange, workerInput, workerRef, workerView } from "../../contracts/worker";
import { changeWorker, createWorker, listWorkersView, revokeWorker } from "../../services/workers";
import { procedureFor, router } from "../init";

const instanceAdmin = procedureFor("admin", "instance");

/** Workers (where deploy steps run) and their tokens: instance admins only. */
export const workerRouter = router({
  list: instanceAdmin
    .input(z.void())
    .output(z.array(workerView))
    .query(({ ctx }) => listWorkersView(ctx.app)),
  create: instanceAdmin
    .input(strict(workerInput))
    .output(createdWorker)
    .mutation(async ({ ctx, input }) => {
      const { token, worker } = await createWorker(ctx.app, ctx.actor, input);
      return { token, id: worker.id, name: worker.name };
    }),
  change: instanceAdmin
    .input(strict(workerChange))
    .output(done)
    .mutation(({ ctx, input }) => changeWorker(ctx.app, ctx.actor, input.id, input)),
  revoke: instanceAdmin
    .input(strict(workerRef))
    .output(done)
    .mutation(({ ctx, input }) => revokeWorker(ctx.app, ctx.actor, input.id)),
});
