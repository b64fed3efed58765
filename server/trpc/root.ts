import { createCallerFactory, router } from "./init";
import { boardRouter } from "./routers/board";
import { eventRouter } from "./routers/event";
import { itemRouter } from "./routers/item";
import { projectRouter } from "./routers/project";

export const appRouter = router({
  project: projectRouter,
  board: boardRouter,
  item: itemRouter,
  event: eventRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
