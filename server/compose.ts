import type { Database } from "../db/client";
import { getDatabase } from "../db/instance";
import { createNotifier } from "../db/notify";
import type { App } from "./app";
import { DeployRunner } from "./deploy/runner";

/**
 * Composition: builds the application from its parts. Only entry points import this module —
 * route files, pages, the command line, the start script, background duties, seeds and tests —
 * and hand `app` to everything else.
 */
export function createApp(database: Database, now: () => Date = () => new Date()): App {
  const app = { database, notifier: createNotifier(database), now } as App;
  app.runner = new DeployRunner(app);
  return app;
}

const holder = globalThis as unknown as { shiplaneApp?: Promise<App> };

/** The process's application, composed on first use over the process's database. */
export function getApp(): Promise<App> {
  holder.shiplaneApp ??= getDatabase().then((database) => createApp(database));
  holder.shiplaneApp.catch(() => {
    holder.shiplaneApp = undefined;
  });
  return holder.shiplaneApp;
}
