import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// The column kit for PostgreSQL. The table files beside it are the same text as ../sqlite/'s;
// only the kits differ, each giving a column its dialect's type. Change both files alike: db/schema/parity.test.ts fails when they differ.

export const table = pgTable;
export { index, primaryKey, text, uniqueIndex };
export const id = () => serial("id").primaryKey();
/** An id for tables that grow past two billion rows (events, the access log). */
export const bigId = () => bigserial("id", { mode: "number" }).primaryKey();
export const int = (name: string) => integer(name);
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const flag = (name: string) => boolean(name);
export const json = <T>(name: string) => jsonb(name).$type<T>();
/** When the row was made, set by the database. */
export const createdAt = () => at("created_at").notNull().defaultNow();
/** Card positions are fractional keys compared byte-wise, whatever the database's locale. */
export const orderKey = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });
