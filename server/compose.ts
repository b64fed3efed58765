import { openDatabase, type Database, type OpenOptions } from "../db/client";
import { createNotifier } from "../db/notify";
import type { App } from "./app";
import { config } from "./config";
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

/** Where the configuration says the database is. */
export function databaseOptions(): OpenOptions {
  const { databaseUrl, dataDir, pgPoolSize, root } = config();
  return { url: databaseUrl, dataDir, poolSize: pgPoolSize, root };
}

const holder = globalThis as unknown as { shiplaneApp?: Promise<App>; shiplaneDatabase?: Promise<Database> };

/**
 * The process's database, opened and migrated on first use (never at import, so that
 * `next build` does not touch it). Kept on globalThis so that dev reloads reuse it.
 */
export function getDatabase(): Promise<Database> {
  if (!holder.shiplaneDatabase) {
    holder.shiplaneDatabase = (async () => {
      const database = openDatabase(databaseOptions());
      await database.migrate();
      return database;
    })();
    holder.shiplaneDatabase.catch(() => {
      holder.shiplaneDatabase = undefined;
    });
  }
  return holder.shiplaneDatabase;
}

/** The process's application, composed on first use over the process's database. */
export function getApp(): Promise<App> {
  holder.shiplaneApp ??= getDatabase().then((database) => createApp(database));
  holder.shiplaneApp.catch(() => {
    holder.shiplaneApp = undefined;
  });
  return holder.shiplaneApp;
}
