import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { DatabaseOpenError, openDatabase } from "./client";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-open-"));

it("explains a data folder that is not a folder", async () => {
  const dir = tmp();
  const notAFolder = path.join(dir, "file");
  fs.writeFileSync(notAFolder, "x");
  expect(() => openDatabase({ dataDir: notAFolder })).toThrow(DatabaseOpenError);
  expect(() => openDatabase({ dataDir: notAFolder })).toThrow(/Cannot open the SQLite database .* SHIPLANE_DATA_DIR/);
});

it("explains a file that is not a database", async () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, "shiplane.db"), "this is not a database, just text that fills the header".repeat(20));
  expect(() => openDatabase({ dataDir: dir })).toThrow(
    /Cannot open the SQLite database at .*shiplane\.db: file is not a database/,
  );
});

it("explains a database locked by another writer", async () => {
  const dir = tmp();
  const first = openDatabase({ dataDir: dir });
  await first.migrate();
  await first.close();
  // Another process holds an exclusive lock (as a long write or a backup tool would).
  const BetterSqlite3 = (await import("better-sqlite3")).default;
  const holder = new BetterSqlite3(path.join(dir, "shiplane.db"));
  holder.pragma("locking_mode = EXCLUSIVE");
  holder.exec("BEGIN EXCLUSIVE");
  const started = Date.now();
  expect(() => openDatabase({ dataDir: dir })).toThrow(/database is locked.*no other program holds a lock/);
  expect(Date.now() - started).toBeGreaterThan(1000);
  holder.exec("ROLLBACK");
  holder.close();
}, 20_000);

it("explains an unreachable PostgreSQL server", async () => {
  const database = openDatabase({ url: "postgres://nobody@127.0.0.1:1/none" });
  await expect(database.migrate()).rejects.toThrow(
    /Cannot connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none: .* Check DATABASE_URL/,
  );
  await database.close();
});
