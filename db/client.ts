import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { sql, type Column, type GetColumnData } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as pgTables from "./schema/pg";
import * as sqliteTables from "./schema/sqlite";

export type Dialect = "sqlite" | "postgres";
export type Tables = typeof pgTables;
/**
 * Repositories are written once against this view of the database. On SQLite the
 * object behind it is the better-sqlite3 Drizzle instance with the SQLite tables; the
 * two schemas infer identical row types (schema/parity.ts), and repositories use only
 * the query-builder surface both dialects share.
 */
export type Db = NodePgDatabase<Tables>;

/** The row a select of these columns returns: record types derive from their selects, never written by hand. */
export type RowOf<C extends Record<string, Column>> = { [K in keyof C]: GetColumnData<C[K]> };

export interface Store {
  db: Db;
  t: Tables;
  dialect: Dialect;
}

export interface Database extends Store {
  /** Runs `work` atomically. On SQLite, writers are serialised (SQLite has one writer anyway). */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  /** After loading data in bulk: on PostgreSQL, vacuum and refresh the planner's statistics. */
  afterBulkLoad(): Promise<void>;
  close(): Promise<void>;
  /** Where the data lives, for logs and health (never includes a password). */
  location: string;
  /** The PostgreSQL connection string, when on PostgreSQL (for LISTEN/NOTIFY). */
  url: string | null;
}

export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseOpenError";
  }
}

export interface OpenOptions {
  /** postgres://… to use PostgreSQL; otherwise SQLite under dataDir. */
  url?: string | null;
  dataDir?: string;
  /** SQLite file name inside dataDir, or ":memory:". */
  sqliteFile?: string;
  /** PostgreSQL connections per instance (default 20). */
  poolSize?: number;
  /** The folder Shiplane's files are in, where db/migrations/ is found (default: the working folder). */
  root?: string;
}

function migrationsDir(root: string | undefined, dialect: Dialect): string {
  return path.join(root ?? process.cwd(), "db", "migrations", dialect === "sqlite" ? "sqlite" : "pg");
}

export function isPostgresUrl(url: string | null | undefined): url is string {
  return Boolean(url && /^postgres(ql)?:\/\//.test(url));
}

export function openDatabase(options: OpenOptions = {}): Database {
  return isPostgresUrl(options.url) ? openPostgres(options.url, options) : openSqlite(options);
}

function openSqlite(options: OpenOptions): Database {
  // The data folder is chosen at run time; the build must not trace it (turbopackIgnore).
  const dataDir = path.resolve(/*turbopackIgnore: true*/ options.dataDir ?? "./data");
  const file = options.sqliteFile ?? "shiplane.db";
  const location = file === ":memory:" ? ":memory:" : path.join(/*turbopackIgnore: true*/ dataDir, file);
  let raw: BetterSqlite3.Database;
  try {
    if (location !== ":memory:") fs.mkdirSync(dataDir, { recursive: true });
    raw = new BetterSqlite3(location, { timeout: 5000 });
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = NORMAL");
    raw.pragma("foreign_keys = ON");
    raw.prepare("select count(*) from sqlite_master").get();
  } catch (error) {
    throw new DatabaseOpenError(
      `Cannot open the SQLite database at ${location}: ${(error as Error).message}. ` +
        "Check that SHIPLANE_DATA_DIR points to a folder this user can write, that the file is a Shiplane database, " +
        "and that no other program holds a lock on it.",
      { cause: error },
    );
  }
  cacheStatements(raw);
  const begin = raw.prepare("BEGIN IMMEDIATE");
  const commit = raw.prepare("COMMIT");
  const rollback = raw.prepare("ROLLBACK");
  const db = drizzleSqlite(raw, { schema: sqliteTables }) as unknown as Db;
  const store: Store = { db, t: sqliteTables as unknown as Tables, dialect: "sqlite" };
  let queue: Promise<unknown> = Promise.resolve();

  return {
    ...store,
    location,
    url: null,
    transaction<T>(work: (s: Store) => Promise<T>): Promise<T> {
      // better-sqlite3 is synchronous; Drizzle's own transaction refuses async work, so the
      // unit of work opens it by hand and a promise queue keeps one writer at a time.
      const run = async () => {
        begin.run();
        try {
          const result = await work(store);
          commit.run();
          return result;
        } catch (error) {
          if (raw.inTransaction) rollback.run();
          throw error;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async migrate() {
      try {
        migrateSqlite(drizzleSqlite(raw), { migrationsFolder: migrationsDir(options.root, "sqlite") });
      } catch (error) {
        throw new DatabaseOpenError(
          `Cannot apply migrations to the SQLite database at ${location}: ${(error as Error).message}.`,
          { cause: error },
        );
      }
    },
    async afterBulkLoad() {
      // Nothing: without statistics SQLite's planner keeps to the covering indexes, which measured
      // faster for the metrics than the plans ANALYZE led it to.
    },
    async close() {
      await queue;
      raw.close();
    },
  };
}

/**
 * Keeps compiled statements by their SQL text: Drizzle asks better-sqlite3 to prepare every
 * query anew, and compiling is a large share of a small query's cost. A reused statement is
 * handed back in object mode (Drizzle switches it to raw mode itself when it wants arrays).
 */
function cacheStatements(raw: BetterSqlite3.Database, size = 500): void {
  const prepare = raw.prepare.bind(raw);
  const cache = new Map<string, BetterSqlite3.Statement>();
  raw.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return statement;
  }) as typeof raw.prepare;
}

function openPostgres(url: string, options: OpenOptions): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 20 });
  // Without a listener, an idle client's error (a PostgreSQL restart) would crash the process.
  pool.on("error", (error) => console.error(`PostgreSQL connection error: ${error.message}`));
  const db = drizzlePg(pool, { schema: pgTables });
  const store: Store = { db, t: pgTables, dialect: "postgres" };
  const location = redact(url);

  return {
    ...store,
    location,
    url,
    transaction<T>(work: (s: Store) => Promise<T>): Promise<T> {
      return db.transaction((tx) => work({ ...store, db: tx as unknown as Db }));
    },
    async migrate() {
      const client = await pool.connect().catch((error: Error) => {
        throw new DatabaseOpenError(
          `Cannot connect to PostgreSQL at ${location}: ${error.message}. Check DATABASE_URL and that the server is running.`,
          { cause: error },
        );
      });
      try {
        // Several instances may start at once: one migrates, the others wait for it.
        await client.query("select pg_advisory_lock(724100)");
        await migratePg(drizzlePg(client), { migrationsFolder: migrationsDir(options.root, "postgres") });
      } catch (error) {
        throw new DatabaseOpenError(
          `Cannot apply migrations to PostgreSQL at ${location}: ${(error as Error).message}.`,
          {
            cause: error,
          },
        );
      } finally {
        await client.query("select pg_advisory_unlock(724100)").catch(() => undefined);
        client.release();
      }
    },
    async afterBulkLoad() {
      // VACUUM also marks the new rows visible to index-only scans.
      await pool.query("VACUUM ANALYZE");
    },
    async close() {
      await pool.end();
    },
  };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres (unparseable URL)";
  }
}

/** A time as a bound parameter in raw SQL: SQLite keeps epoch milliseconds, PostgreSQL a timestamptz. */
/**
 * Whether a name can match no stored row: no stored text holds a NUL (PostgreSQL refuses one),
 * so a lookup by such a name answers "none" instead of sending it.
 */
export const namesNothing = (name: string): boolean => name.includes("\u0000");

export function timeParam(store: Store, date: Date) {
  return store.dialect === "sqlite" ? sql`${date.getTime()}` : sql`${date.toISOString()}::timestamptz`;
}

/** Locks the project's row for the rest of the transaction, so its events commit in id order. */
export async function lockProject(store: Store, projectId: number): Promise<void> {
  if (store.dialect === "postgres") {
    await store.db.execute(sql`select id from projects where id = ${projectId} for update`);
  }
}
