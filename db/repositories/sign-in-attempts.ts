import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { AttemptKind } from "../../domain/access/sign-in-limit";
import type { Store } from "../client";

/**
 * Sign-in and password attempts of the last minute. The caller reserves an attempt inside one
 * transaction — count, decide, insert — under a lock, so concurrent guesses are counted one after
 * the other and cannot all slip under the limit.
 */

/** Serialises reservations on PostgreSQL for the rest of the transaction (SQLite has one writer anyway). */
export async function lockAttempts(store: Store): Promise<void> {
  if (store.dialect === "postgres") await store.db.execute(sql`select pg_advisory_xact_lock(724102)`);
}

export async function recentAttempts(
  store: Store,
  filter: { kind: AttemptKind; account: string; address: string; since: Date },
): Promise<{ account: Date[]; address: Date[] }> {
  const a = store.t.signInAttempts;
  const times = async (where: ReturnType<typeof eq>) =>
    (
      await store.db
        .select({ at: a.at })
        .from(a)
        .where(and(eq(a.kind, filter.kind), where, gte(a.at, filter.since)))
        .orderBy(asc(a.at))
    ).map((row) => row.at);
  return { account: await times(eq(a.account, filter.account)), address: await times(eq(a.address, filter.address)) };
}

export async function insertAttempt(
  store: Store,
  row: { kind: AttemptKind; account: string; address: string; at: Date },
): Promise<number> {
  const [created] = await store.db
    .insert(store.t.signInAttempts)
    .values(row)
    .returning({ id: store.t.signInAttempts.id });
  return created.id;
}

/** A successful attempt is not a guess: the newest one of this account and address stops counting. */
export async function deleteNewestAttempt(
  store: Store,
  row: { kind: AttemptKind; account: string; address: string },
): Promise<void> {
  const a = store.t.signInAttempts;
  const [newest] = await store.db
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.kind, row.kind), eq(a.account, row.account), eq(a.address, row.address)))
    .orderBy(desc(a.id))
    .limit(1);
  if (newest) await store.db.delete(a).where(eq(a.id, newest.id));
}

/** Attempts that left the window count for nothing. */
export async function pruneAttempts(store: Store, before: Date): Promise<void> {
  await store.db.delete(store.t.signInAttempts).where(lt(store.t.signInAttempts.at, before));
}
