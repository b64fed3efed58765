import { eq } from "drizzle-orm";
import type { Store } from "../client";

/**
 * Claims one environment schedule's run at one due time. The unique (environment, due time)
 * key lets exactly one instance win, however many share the database; null when another did.
 */
export async function claimScheduleRun(
  store: Store,
  environmentId: number,
  dueAt: Date,
  claimedBy: string,
  now: Date,
): Promise<number | null> {
  const s = store.t.scheduleRuns;
  const rows = await store.db
    .insert(s)
    .values({ environmentId, dueAt, claimedBy, claimedAt: now, outcome: "claimed" })
    .onConflictDoNothing({ target: [s.environmentId, s.dueAt] })
    .returning({ id: s.id });
  return rows[0]?.id ?? null;
}

export async function setScheduleOutcome(
  store: Store,
  id: number,
  outcome: string,
  deploymentId: number | null,
): Promise<void> {
  const s = store.t.scheduleRuns;
  await store.db.update(s).set({ outcome, deploymentId }).where(eq(s.id, id));
}
