import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

/** Columns both halves of the schema use. */
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
