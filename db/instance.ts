import { openDatabase, type Database } from "./client";

/** Settings read from the environment, once. */
export function databaseSettings() {
  return {
    url: process.env.DATABASE_URL || null,
    dataDir: process.env.SHIPLANE_DATA_DIR || "./data",
  };
}

const holder = globalThis as unknown as { shiplaneDatabase?: Promise<Database> };

/**
 * The process's database, opened and migrated on first use (never at import, so that
 * `next build` does not touch it). Kept on globalThis so that dev reloads reuse it.
 */
export function getDatabase(): Promise<Database> {
  if (!holder.shiplaneDatabase) {
    holder.shiplaneDatabase = (async () => {
      const database = openDatabase(databaseSettings());
      await database.migrate();
      return database;
    })();
    holder.shiplaneDatabase.catch(() => {
      holder.shiplaneDatabase = undefined;
    });
  }
  return holder.shiplaneDatabase;
}
