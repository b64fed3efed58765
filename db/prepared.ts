import { sql } from "drizzle-orm";
import type { Db, Dialect, Store, Tables } from "./client";

interface Runnable<R> {
  execute(values?: Record<string, unknown>): Promise<R> | R;
}

/**
 * A query of the busiest paths (a card move, a token check), written once with placeholders.
 * On SQLite it is compiled once per database: Drizzle otherwise builds the SQL text anew on every
 * call, which cost twenty times more than running the query. On PostgreSQL it is built per call
 * on the connection in use (a transaction's own), as a named prepared statement.
 */
export function prepared<R>(
  name: string,
  build: (db: Db, t: Tables, dialect: Dialect) => { prepare(name: string): Runnable<R> },
) {
  const compiled = new WeakMap<object, Runnable<R>>();
  return async (store: Store, values: Record<string, unknown>): Promise<R> => {
    if (store.dialect !== "sqlite") return build(store.db, store.t, store.dialect).prepare(name).execute(values);
    let query = compiled.get(store.db);
    if (!query) {
      query = build(store.db, store.t, store.dialect).prepare(name);
      compiled.set(store.db, query);
    }
    return query.execute(values);
  };
}

/** A time as the placeholder of a raw SQL expression takes it: epoch milliseconds on SQLite, ISO text cast to timestamptz on PostgreSQL. */
export function timeValue(store: Store, at: Date): string | number {
  return store.dialect === "sqlite" ? at.getTime() : at.toISOString();
}

/**
 * A placeholder where Drizzle's types want a value (`set()` and `values()`): at run time Drizzle
 * binds it with the column's own encoding, as it would the value.
 */
export function slot<T>(name: string): T {
  return sql.placeholder(name) as unknown as T;
}
