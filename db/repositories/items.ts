import { STAGE_KEYS } from "../../domain/funnel/stages";
import { and, asc, desc, eq, gt, isNull, lt, max, min, ne, sql } from "drizzle-orm";
import type { BoardItem, WorkItem } from "../../domain/funnel/card";
import { timeParam, type Store } from "../client";

export type ItemRecord = WorkItem;

export type NewItem = Omit<ItemRecord, "id" | "version" | "createdAt" | "blocked" | "blockedReason" | "qaSignedOffBy" | "qaSignedOffAt" | "qaSignOffNote" | "rejectedReason" | "rejectedFromStage"> & { createdAt?: Date };
export type ItemPatch = Partial<Omit<ItemRecord, "id" | "projectId" | "number" | "version" | "createdAt">>;

function columns(store: Store) {
  const w = store.t.workItems;
  return {
    ...boardColumns(store),
    projectId: w.projectId,
    description: w.description,
    qaSignedOffBy: w.qaSignedOffBy,
    qaSignedOffAt: w.qaSignedOffAt,
    qaSignOffNote: w.qaSignOffNote,
    rejectedReason: w.rejectedReason,
    rejectedFromStage: w.rejectedFromStage,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

export async function findItem(store: Store, id: number): Promise<ItemRecord | null> {
  const rows = await store.db.select(columns(store)).from(store.t.workItems).where(eq(store.t.workItems.id, id));
  return rows[0] ?? null;
}

export async function findItemByNumber(store: Store, projectId: number, number: number): Promise<ItemRecord | null> {
  const w = store.t.workItems;
  const rows = await store.db.select(columns(store)).from(w).where(and(eq(w.projectId, projectId), eq(w.number, number)));
  return rows[0] ?? null;
}

export async function insertItem(store: Store, item: NewItem): Promise<ItemRecord> {
  const [row] = await store.db.insert(store.t.workItems).values(item).returning(columns(store));
  return row;
}

/** Writes the patch only if the item is still at `expectedVersion`; null when it is not. */
export async function updateItemVersioned(store: Store, id: number, expectedVersion: number, patch: ItemPatch): Promise<ItemRecord | null> {
  const w = store.t.workItems;
  const rows = await store.db
    .update(w)
    .set({ ...patch, version: sql`${w.version} + 1` })
    .where(and(eq(w.id, id), eq(w.version, expectedVersion)))
    .returning(columns(store));
  return rows[0] ?? null;
}

function boardColumns(store: Store) {
  const w = store.t.workItems;
  return {
    id: w.id,
    number: w.number,
    kind: w.kind,
    title: w.title,
    owner: w.owner,
    labels: w.labels,
    estimate: w.estimate,
    stage: w.stage,
    position: w.position,
    version: w.version,
    blocked: w.blocked,
    blockedReason: w.blockedReason,
    needsManualQa: w.needsManualQa,
    stageEnteredAt: w.stageEnteredAt,
  };
}

/** Cards on the board (everything but the archive), only the fields the board shows, in no particular order. */
export async function listBoardItems(store: Store, projectId: number): Promise<BoardItem[]> {
  const w = store.t.workItems;
  return store.db
    .select(boardColumns(store))
    .from(w)
    .where(and(eq(w.projectId, projectId), ne(w.stage, "rejected")));
}

/** The first `limit` cards of one column, in board order. */
export async function listColumnHead(store: Store, projectId: number, stage: string, limit: number): Promise<BoardItem[]> {
  const w = store.t.workItems;
  return store.db
    .select(boardColumns(store))
    .from(w)
    .where(and(eq(w.projectId, projectId), eq(w.stage, stage)))
    .orderBy(asc(w.position), asc(w.id))
    .limit(limit);
}

export async function countByStage(store: Store, projectId: number): Promise<Map<string, number>> {
  const w = store.t.workItems;
  const rows = await store.db
    .select({ stage: w.stage, n: sql<number>`count(*)` })
    .from(w)
    .where(eq(w.projectId, projectId))
    .groupBy(w.stage);
  return new Map(rows.map((row) => [row.stage, Number(row.n)]));
}

export async function listRejectedItems(store: Store, projectId: number): Promise<ItemRecord[]> {
  const w = store.t.workItems;
  return store.db
    .select(columns(store))
    .from(w)
    .where(and(eq(w.projectId, projectId), eq(w.stage, "rejected")))
    .orderBy(desc(w.updatedAt));
}

export async function countInStage(store: Store, projectId: number, stage: string): Promise<number> {
  const w = store.t.workItems;
  const [row] = await store.db
    .select({ n: sql<number>`count(*)` })
    .from(w)
    .where(and(eq(w.projectId, projectId), eq(w.stage, stage)));
  return Number(row.n);
}

/** Positions of a card's would-be neighbours in a column, for computing its new key. */
export async function lastPosition(store: Store, projectId: number, stage: string): Promise<string | null> {
  const w = store.t.workItems;
  const [row] = await store.db.select({ p: max(w.position) }).from(w).where(and(eq(w.projectId, projectId), eq(w.stage, stage)));
  return row?.p ?? null;
}

export async function positionAfter(store: Store, projectId: number, stage: string, position: string, excludeId: number): Promise<string | null> {
  const w = store.t.workItems;
  const [row] = await store.db
    .select({ p: min(w.position) })
    .from(w)
    .where(and(eq(w.projectId, projectId), eq(w.stage, stage), gt(w.position, position), ne(w.id, excludeId)));
  return row?.p ?? null;
}

export async function positionBefore(store: Store, projectId: number, stage: string, position: string, excludeId: number): Promise<string | null> {
  const w = store.t.workItems;
  const [row] = await store.db
    .select({ p: max(w.position) })
    .from(w)
    .where(and(eq(w.projectId, projectId), eq(w.stage, stage), lt(w.position, position), ne(w.id, excludeId)));
  return row?.p ?? null;
}

export async function openInterval(store: Store, projectId: number, itemId: number, stage: string, at: Date, fromStage: string | null = null): Promise<void> {
  await store.db.insert(store.t.stageIntervals).values({ projectId, itemId, stage, enteredAt: at, fromStage });
  // Every earlier stay of the card now led to Live (the funnel's "reached Live").
  if (stage === "live") {
    const s = store.t.stageIntervals;
    await store.db.update(s).set({ liveAt: at }).where(and(eq(s.itemId, itemId), isNull(s.liveAt), sql`${s.stage} <> 'live'`));
  }
}

/** Ends the card's open stay; a move on to the next stage of the funnel is noted on it (the funnel's "went on"). */
export async function closeInterval(store: Store, itemId: number, at: Date, toStage: string | null = null): Promise<void> {
  const s = store.t.stageIntervals;
  const index = (STAGE_KEYS as readonly string[]).indexOf(toStage ?? "");
  const previous = index > 0 ? STAGE_KEYS[index - 1] : null;
  await store.db
    .update(s)
    .set({ leftAt: at, ...(previous ? { nextAt: sql`case when ${s.stage} = ${previous} then ${timeParam(store, at)} else null end` } : {}) })
    .where(and(eq(s.itemId, itemId), isNull(s.leftAt)));
}

export async function listIntervals(store: Store, itemId: number) {
  const s = store.t.stageIntervals;
  return store.db
    .select({ stage: s.stage, enteredAt: s.enteredAt, leftAt: s.leftAt })
    .from(s)
    .where(eq(s.itemId, itemId))
    .orderBy(asc(s.id));
}

/** Inserts many cards at once (synthetic data, imports), with their first stage interval. */
export async function insertItemsBulk(store: Store, items: NewItem[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += 400) {
    const chunk = items.slice(i, i + 400);
    const rows = await store.db.insert(store.t.workItems).values(chunk).returning({ id: store.t.workItems.id });
    ids.push(...rows.map((row) => row.id));
    await store.db
      .insert(store.t.stageIntervals)
      .values(rows.map((row, j) => ({ projectId: chunk[j].projectId, itemId: row.id, stage: chunk[j].stage, enteredAt: chunk[j].stageEnteredAt })));
  }
  return ids;
}

export async function setQaSignOff(store: Store, id: number, signOff: { by: string; at: Date; note: string | null }): Promise<void> {
  const w = store.t.workItems;
  await store.db
    .update(w)
    .set({ qaSignedOffBy: signOff.by, qaSignedOffAt: signOff.at, qaSignOffNote: signOff.note, version: sql`${w.version} + 1`, updatedAt: signOff.at })
    .where(eq(w.id, id));
}
