import { createCallerFactory, router } from "./init";
import { auditRouter } from "./routers/audit";
import { boardRouter } from "./routers/board";
import { eventRouter } from "./routers/event";
import { itemRouter } from "./routers/item";
import { memberRouter } from "./routers/member";
import { metricsRouter } from "./routers/metrics";
import { pipelineRouter } from "./routers/pipeline";
import { projectRouter } from "./routers/project";
import { releaseRouter } from "./routers/release";
import { settingsRouter } from "./routers/settings";
import { userRouter } from "./routers/user";
import { workerRouter } from "./routers/worker";

export const appRouter = router({
  project: projectRouter,
  board: boardRouter,
  item: itemRouter,
  event: eventRouter,
  settings: settingsRouter,
  pipeline: pipelineRouter,
  release: releaseRouter,
  metrics: metricsRouter,
  audit: auditRouter,
  user: userRouter,
  member: memberRouter,
  worker: workerRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
