import { z } from "zod";
import { exact, strict } from "../../contracts/common";
import { eventListInput, eventSchema } from "../../contracts/event";
import { listEvents } from "../../services/list-events";
import { router, viewerProcedure } from "../init";

export const eventRouter = router({
  /** The project's event log, oldest first, after a given id (for tools and the activity view). */
  list: viewerProcedure
    .input(strict(eventListInput))
    .output(exact<Awaited<ReturnType<typeof listEvents>>>()(z.array(eventSchema)))
    .query(({ ctx, input }) => listEvents(ctx.app, input)),
});
