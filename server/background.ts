import { autoPromotingProjects } from "../db/repositories/projects";
import { getApp } from "./compose";
import type { App } from "./app";
import { autoPromote } from "./deploy/auto-promotion";
import { runDueSchedules } from "./deploy/scheduler";

const TICK_MS = 2000;

/** One round of the server's periodic duties: heartbeats and recovery, schedules, automatic promotion. */
export async function tick(app: App): Promise<void> {
  await app.runner.tick();
  for (const run of await runDueSchedules(app))
    console.log(`Schedule of ${run.environment} (${run.dueAt.toISOString()}): ${run.outcome}`);
  for (const projectId of await autoPromotingProjects(app.database)) await autoPromote(app, projectId);
}

/** Starts the duties in the web server process: deployments a crash left running are marked failed first. */
export async function startBackground(): Promise<void> {
  const app = await getApp();
  const recovered = await app.runner.recover();
  if (recovered > 0)
    console.log(`Marked ${recovered} deployments failed that were running when Shiplane last stopped.`);
  app.runner.kick();
  let busy = false;
  setInterval(() => {
    if (busy) return;
    busy = true;
    tick(app)
      .catch((error: Error) => console.error(`Background duties: ${error.message}`))
      .finally(() => {
        busy = false;
      });
  }, TICK_MS).unref();
}
