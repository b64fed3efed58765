import { and, asc, eq, isNotNull, min } from "drizzle-orm";
import type { Store } from "../client";

/** Every card of a project, the archive too, in key order, with when it first reached Live. */
export async function exportCards(store: Store, projectId: number) {
  const { workItems: w, stageIntervals: s } = store.t;
  const live = store.db
    .select({ itemId: s.itemId, liveAt: min(s.enteredAt).as("live_at") })
    .from(s)
    .where(and(eq(s.projectId, projectId), eq(s.stage, "live")))
    .groupBy(s.itemId)
    .as("live");
  return store.db
    .select({
      id: w.id,
      number: w.number,
      kind: w.kind,
      title: w.title,
      description: w.description,
      stage: w.stage,
      owner: w.owner,
      labels: w.labels,
      estimate: w.estimate,
      blocked: w.blocked,
      blockedReason: w.blockedReason,
      rejectedReason: w.rejectedReason,
      source: w.source,
      createdAt: w.createdAt,
      liveAt: live.liveAt,
    })
    .from(w)
    .leftJoin(live, eq(live.itemId, w.id))
    .where(eq(w.projectId, projectId))
    .orderBy(asc(w.number));
}

/** Every event of a project's cards, oldest first. */
export async function exportEvents(store: Store, projectId: number) {
  const e = store.t.events;
  return store.db
    .select({ itemId: e.itemId, type: e.type, actor: e.actor, at: e.at, payload: e.payload })
    .from(e)
    .where(and(eq(e.projectId, projectId), isNotNull(e.itemId)))
    .orderBy(asc(e.at), asc(e.id));
}
