import fs from "node:fs";
import path from "node:path";
import { is, SQL } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { expect, it } from "vitest";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

// Both dialects' schemas, described in the same words: what a repository written once relies on.

type Column = {
  name: string;
  notNull: boolean;
  primary: boolean;
  isUnique: boolean;
  hasDefault: boolean;
  default: unknown;
};
type Index = { config: { name: string; unique: boolean; columns: unknown[] } };
type ForeignKey = {
  onDelete?: string;
  reference(): { columns: { name: string }[]; foreignTable: unknown; foreignColumns: { name: string }[] };
};
type Config = {
  name: string;
  columns: Column[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  primaryKeys: { columns: { name: string }[] }[];
};

/** A default as both dialects can agree on it: a plain value as it is, a database expression as "sql". */
const defaultOf = (column: Column) => (!column.hasDefault ? null : is(column.default, SQL) ? "sql" : column.default);
const nameOf = (table: unknown, config: (t: never) => Config) => config(table as never).name;

function describeTables<T>(schema: Record<string, unknown>, isTable: (v: unknown) => v is T, config: (t: T) => Config) {
  return Object.fromEntries(
    Object.values(schema)
      .filter(isTable)
      .map((table) => {
        const c = config(table);
        const columns = c.columns
          .map((col) => ({
            name: col.name,
            notNull: col.notNull,
            primary: col.primary,
            unique: col.isUnique,
            default: defaultOf(col),
          }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const indexes = c.indexes
          .map((i) => ({
            name: i.config.name,
            unique: Boolean(i.config.unique),
            columns: i.config.columns.map((col) => (col as { name?: string }).name ?? "expression"),
          }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const foreignKeys = c.foreignKeys
          .map((fk) => {
            const ref = fk.reference();
            return {
              columns: ref.columns.map((col) => col.name),
              table: nameOf(ref.foreignTable, config as (t: never) => Config),
              foreignColumns: ref.foreignColumns.map((col) => col.name),
              onDelete: fk.onDelete ?? "no action",
            };
          })
          .sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
        const primaryKeys = c.primaryKeys.map((pk) => pk.columns.map((col) => col.name));
        return [c.name, { columns, indexes, foreignKeys, primaryKeys }];
      }),
  );
}

it("keeps the SQLite and PostgreSQL schemas in step: tables, columns, nullability, defaults, uniqueness, indexes and foreign keys", () => {
  const a = describeTables(
    sqlite,
    (v): v is SQLiteTable => v instanceof SQLiteTable,
    sqliteConfig as (t: SQLiteTable) => Config,
  );
  const b = describeTables(pg, (v): v is PgTable => v instanceof PgTable, pgConfig as (t: PgTable) => Config);
  expect(Object.keys(a).length).toBeGreaterThan(15);
  expect(Object.values(a).some((t) => t.foreignKeys.length > 0)).toBe(true);
  expect(a).toEqual(b);
});

it("writes each table once: the table files of both dialects are the same text, only their kits differ", () => {
  const folder = (dialect: string) => path.join(import.meta.dirname, dialect);
  const tables = fs.readdirSync(folder("sqlite")).filter((file) => file !== "kit.ts");
  expect(tables.sort()).toEqual(
    fs
      .readdirSync(folder("pg"))
      .filter((file) => file !== "kit.ts")
      .sort(),
  );
  for (const file of tables) {
    expect(fs.readFileSync(path.join(folder("pg"), file), "utf8"), `db/schema/pg/${file}`).toBe(
      fs.readFileSync(path.join(folder("sqlite"), file), "utf8"),
    );
  }
});
