import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { expect, it } from "vitest";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

function describeTables<T>(
  schema: Record<string, unknown>,
  isTable: (v: unknown) => v is T,
  config: (t: T) => {
    name: string;
    columns: { name: string; notNull: boolean; primary: boolean }[];
    indexes: unknown[];
  },
) {
  return Object.fromEntries(
    Object.values(schema)
      .filter(isTable)
      .map((table) => {
        const c = config(table);
        return [
          c.name,
          {
            columns: c.columns
              .map((col) => `${col.name}${col.notNull ? " not null" : ""}${col.primary ? " pk" : ""}`)
              .sort(),
            indexes: c.indexes.length,
          },
        ];
      }),
  );
}

it("keeps the SQLite and PostgreSQL schemas in step: same tables, columns, nullability and indexes", () => {
  const a = describeTables(sqlite, (v): v is SQLiteTable => v instanceof SQLiteTable, sqliteConfig);
  const b = describeTables(pg, (v): v is PgTable => v instanceof PgTable, pgConfig);
  expect(Object.keys(a).length).toBeGreaterThan(15);
  expect(a).toEqual(b);
});
