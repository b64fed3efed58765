import { customType, timestamp } from "drizzle-orm/pg-core";

/** Columns both halves of the schema use. */
export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/** Card positions are fractional keys compared byte-wise, whatever the database's locale. */
export const byteOrderedText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });
