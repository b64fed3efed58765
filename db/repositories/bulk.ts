import type { Store, Tables } from "../client";

type Insert<K extends keyof Tables> = Tables[K] extends { $inferInsert: infer I } ? I : never;

/**
 * Inserts many rows of one table in chunks (for generated data sets), returning their ids when
 * the table has one. Chunks stay under both databases' bound-parameter limits.
 */
export async function insertMany<K extends keyof Tables>(
  store: Store,
  table: K,
  rows: Insert<K>[],
  withIds = false,
): Promise<number[]> {
  const target = store.t[table] as Tables["events"];
  const ids: number[] = [];
  const chunk = 1000;
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk) as never[];
    if (withIds) {
      const inserted = await store.db.insert(target).values(values).returning({ id: target.id });
      ids.push(...inserted.map((row) => row.id));
    } else {
      await store.db.insert(target).values(values);
    }
  }
  return ids;
}
