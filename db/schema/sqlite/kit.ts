import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// The column kit for SQLite. The table files beside it are the same text as ../pg/'s; only the
// kits differ, each giving a column its dialect's type. Change both files alike: db/schema/parity.test.ts fails when they differ.

export const table = sqliteTable;
export { index, primaryKey, text, uniqueIndex };
export const id = () => integer("id").primaryKey({ autoIncrement: true });
/** An id for tables that grow past two billion rows (events, the access log). */
export const bigId = id;
export const int = (name: string) => integer(name);
/** Times are epoch milliseconds. */
export const at = (name: string) => integer(name, { mode: "timestamp_ms" });
export const flag = (name: string) => integer(name, { mode: "boolean" });
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
/** When the row was made, set by the database. */
export const createdAt = () =>
  at("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
/** Card positions are fractional keys; SQLite compares text byte-wise already. */
export const orderKey = (name: string) => text(name);
