import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { openDatabase, type Database, type Dialect } from "./client";

/**
 * Runs one suite on a fresh SQLite database and on a fresh PostgreSQL database (created
 * from TEST_DATABASE_URL, dropped afterwards). With SHIPLANE_REQUIRE_POSTGRES=1 (CI), a
 * missing or unreachable PostgreSQL fails the run instead of skipping its half.
 */
export function describeOnEveryDatabase(
  name: string,
  suite: (fresh: () => Promise<Database>, dialect: Dialect) => void,
): void {
  const url = process.env.TEST_DATABASE_URL;
  const required = process.env.SHIPLANE_REQUIRE_POSTGRES === "1";
  describe(`${name} [sqlite]`, () => suite(async () => freshSqlite(), "sqlite"));
  if (!url && required) {
    describe(`${name} [postgres]`, () => {
      throw new Error("TEST_DATABASE_URL is not set, and this run requires the PostgreSQL suite.");
    });
  } else if (url) {
    describe(`${name} [postgres]`, () => suite(() => freshPostgres(url), "postgres"));
  }
}

const opened: { database: Database; drop?: () => Promise<void> }[] = [];
const cleanups: (() => Promise<void>)[] = [];

/** Something a test opened on its database (an app's notifier) that must close with it. */
export function registerCleanup(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

async function closeAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
  for (const { database, drop } of opened.splice(0)) {
    await database.close();
    await drop?.();
  }
}

async function freshSqlite(): Promise<Database> {
  // One test, one database: the previous test's is closed (and dropped) first.
  await closeAll();
  const database = openDatabase({ sqliteFile: ":memory:" });
  await database.migrate();
  opened.push({ database });
  return database;
}

async function freshPostgres(baseUrl: string): Promise<Database> {
  await closeAll();
  const name = `shiplane_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString(), poolSize: 8 });
  await database.migrate();
  opened.push({
    database,
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  });
  return database;
}

/** Closes (and drops) every database opened by this test file. */
export async function closeTestDatabases(): Promise<void> {
  await closeAll();
}
