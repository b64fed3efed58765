import { and, asc, eq, gte, isNotNull, lt, type SQL } from "drizzle-orm";
import type { Store } from "../client";
import type { Range } from "./metrics";

/** Which cards stand behind one figure of the Metrics page. */
export type Behind =
  /** Cards that entered `stage` in the range (a funnel bar), or of those, the ones that went on to the next stage. */
  | { kind: "entered" | "reachedNext"; stage: string }
  /** Cards that reached Live in [from, until) (a week of throughput). */
  | { kind: "live"; from: Date; until: Date };

/**
 * The cards behind a figure, read from the same stage intervals the figure counts, at most
 * `limit` (oldest entry first), and how many there are in all.
 */
export async function cardsBehind(store: Store, range: Range, behind: Behind, limit: number) {
  const { stageIntervals: s, workItems: w } = store.t;
  const where: (SQL | undefined)[] = [eq(s.projectId, range.projectId), lt(s.enteredAt, range.to)];
  if (behind.kind === "live") {
    const from = behind.from > range.from ? behind.from : range.from;
    const until = behind.until < range.to ? behind.until : range.to;
    where.push(eq(s.stage, "live"), gte(s.enteredAt, from), lt(s.enteredAt, until));
  } else {
    where.push(eq(s.stage, behind.stage), gte(s.enteredAt, range.from));
    if (behind.kind === "reachedNext") where.push(isNotNull(s.nextAt), lt(s.nextAt, range.to));
  }
  const rows = await store.db
    .selectDistinct({ id: w.id, number: w.number, title: w.title, stage: w.stage, enteredAt: s.enteredAt })
    .from(s)
    .innerJoin(w, eq(w.id, s.itemId))
    .where(and(...where))
    .orderBy(asc(s.enteredAt), asc(w.id));
  // One row per card (a card may have entered a stage twice in the range, after rework).
  const seen = new Map<number, { id: number; number: number; title: string; stage: string }>();
  for (const row of rows)
    if (!seen.has(row.id)) seen.set(row.id, { id: row.id, number: row.number, title: row.title, stage: row.stage });
  const all = [...seen.values()];
  return { total: all.length, cards: all.slice(0, limit) };
}
