import { STAGE_KEYS } from "../../domain/funnel/stages";
import { and, asc, desc, eq, gt, isNull, lt, max, min, ne, sql } from "drizzle-orm";
import type { BoardItem, WorkItem } from "../../domain/funnel/card";
import type { Store, Tables } from "../client";
import { prepared, slot, timeValue } from "../prepared";

export type ItemRecord = WorkItem;

export type NewItem = Omit<
  ItemRecord,
  | "id"
  | "version"
  | "createdAt"
  | "blocked"
  | "blockedReason"
  | "qaSignedOffBy"
  | "qaSignedOffAt"
  | "qaSignOffNote"
  | "rejectedReason"
  | "rejectedFromStage"
> & { createdAt?: Date };
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

const tablesOnly = (t: Tables) => ({ t }) as Store;

const findItemQuery = prepared("find_item", (db, t) =>
  db
    .select(columns(tablesOnly(t)))
    .from(t.workItems)
    .where(eq(t.workItems.id, sql.placeholder("id"))),
);

export async function findItem(store: Store, id: number): Promise<ItemRecord | null> {
  const rows = await findItemQuery(store, { id });
  return rows[0] ?? null;
}

export async function findItemByNumber(store: Store, projectId: number, number: number): Promise<ItemRecord | null> {
  const w = store.t.workItems;
  const rows = await store.db
    .select(columns(store))
    .from(w)
    .where(and(eq(w.projectId, projectId), eq(w.number, number)));
  return rows[0] ?? null;
}

export async function insertItem(store: Store, item: NewItem): Promise<ItemRecord> {
  const [row] = await store.db.insert(store.t.workItems).values(item).returning(columns(store));
  return row;
}

/** Writes the patch only if the item is still at `expectedVersion`; null when it is not. */
const moveItemQuery = prepared("move_item", (db, t) =>
  db
    .update(t.workItems)
    .set({
      stage: slot<string>("stage"),
      position: slot<string>("position"),
      updatedAt: slot<Date>("updatedAt"),
      stageEnteredAt: slot<Date>("stageEnteredAt"),
      kind: slot<ItemRecord["kind"]>("kind"),
      version: sql`${t.workItems.version} + 1`,
    })
    .where(and(eq(t.workItems.id, sql.placeholder("id")), eq(t.workItems.version, sql.placeholder("expectedVersion"))))
    .returning(columns(tablesOnly(t))),
);

/** A card's new stage and place, if it is still at `expectedVersion` (a move: the busiest write). */
export async function moveItemRow(
  store: Store,
  id: number,
  expectedVersion: number,
  change: Pick<ItemRecord, "stage" | "position" | "updatedAt" | "stageEnteredAt" | "kind">,
): Promise<ItemRecord | null> {
  const rows = await moveItemQuery(store, { id, expectedVersion, ...change });
  return rows[0] ?? null;
}

export async function updateItemVersioned(
  store: Store,
  id: number,
  expectedVersion: number,
  patch: ItemPatch,
): Promise<ItemRecord | null> {
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
export async function listColumnHead(
  store: Store,
  projectId: number,
  stage: string,
  limit: number,
): Promise<BoardItem[]> {
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

/** Positions of a card's would-be neighbours in a column, for computing its new key. */
const inColumn = (t: Tables) =>
  and(eq(t.workItems.projectId, sql.placeholder("projectId")), eq(t.workItems.stage, sql.placeholder("stage")));
const lastPositionQuery = prepared("last_position", (db, t) =>
  db
    .select({ p: max(t.workItems.position) })
    .from(t.workItems)
    .where(inColumn(t)),
);
const positionAfterQuery = prepared("position_after", (db, t) =>
  db
    .select({ p: min(t.workItems.position) })
    .from(t.workItems)
    .where(
      and(
        inColumn(t),
        gt(t.workItems.position, sql.placeholder("position")),
        ne(t.workItems.id, sql.placeholder("excludeId")),
      ),
    ),
);
const positionBeforeQuery = prepared("position_before", (db, t) =>
  db
    .select({ p: max(t.workItems.position) })
    .from(t.workItems)
    .where(
      and(
        inColumn(t),
        lt(t.workItems.position, sql.placeholder("position")),
        ne(t.workItems.id, sql.placeholder("excludeId")),
      ),
    ),
);

export async function lastPosition(store: Store, projectId: number, stage: string): Promise<string | null> {
  const [row] = await lastPositionQuery(store, { projectId, stage });
  return row?.p ?? null;
}

export async function positionAfter(
  store: Store,
  projectId: number,
  stage: string,
  position: string,
  excludeId: number,
): Promise<string | null> {
  const [row] = await positionAfterQuery(store, { projectId, stage, position, excludeId });
  return row?.p ?? null;
}

export async function positionBefore(
  store: Store,
  projectId: number,
  stage: string,
  position: string,
  excludeId: number,
): Promise<string | null> {
  const [row] = await positionBeforeQuery(store, { projectId, stage, position, excludeId });
  return row?.p ?? null;
}

const openIntervalQuery = prepared("open_interval", (db, t) =>
  db.insert(t.stageIntervals).values({
    projectId: slot<number>("projectId"),
    itemId: slot<number>("itemId"),
    stage: slot<string>("stage"),
    enteredAt: slot<Date>("enteredAt"),
    fromStage: slot<string | null>("fromStage"),
  }),
);

export async function openInterval(
  store: Store,
  projectId: number,
  itemId: number,
  stage: string,
  at: Date,
  fromStage: string | null = null,
): Promise<void> {
  await openIntervalQuery(store, { projectId, itemId, stage, enteredAt: at, fromStage });
  // Every earlier stay of the card now led to Live (the funnel's "reached Live").
  if (stage === "live") {
    const s = store.t.stageIntervals;
    await store.db
      .update(s)
      .set({ liveAt: at })
      .where(and(eq(s.itemId, itemId), isNull(s.liveAt), sql`${s.stage} <> 'live'`));
  }
}

/** Ends the card's open stay; a move on to the next stage of the funnel is noted on it (the funnel's "went on"). */
const closeIntervalQuery = prepared("close_interval", (db, t, dialect) =>
  db
    .update(t.stageIntervals)
    .set({
      leftAt: slot<Date>("at"),
      nextAt:
        dialect === "sqlite"
          ? sql`case when ${t.stageIntervals.stage} = ${sql.placeholder("previous")} then ${sql.placeholder("atValue")} else null end`
          : sql`case when ${t.stageIntervals.stage} = ${sql.placeholder("previous")} then ${sql.placeholder("atValue")}::timestamptz else null end`,
    })
    .where(and(eq(t.stageIntervals.itemId, sql.placeholder("itemId")), isNull(t.stageIntervals.leftAt))),
);

export async function closeInterval(
  store: Store,
  itemId: number,
  at: Date,
  toStage: string | null = null,
): Promise<void> {
  const index = (STAGE_KEYS as readonly string[]).indexOf(toStage ?? "");
  // Only the stay in the stage just before `toStage` "went on"; an open stay has no nextAt yet.
  const previous = index > 0 ? STAGE_KEYS[index - 1] : null;
  await closeIntervalQuery(store, { itemId, at, previous, atValue: timeValue(store, at) });
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
    await store.db.insert(store.t.stageIntervals).values(
      rows.map((row, j) => ({
        projectId: chunk[j].projectId,
        itemId: row.id,
        stage: chunk[j].stage,
        enteredAt: chunk[j].stageEnteredAt,
      })),
    );
  }
  return ids;
}

export async function setQaSignOff(
  store: Store,
  id: number,
  signOff: { by: string; at: Date; note: string | null },
): Promise<void> {
  const w = store.t.workItems;
  await store.db
    .update(w)
    .set({
      qaSignedOffBy: signOff.by,
      qaSignedOffAt: signOff.at,
      qaSignOffNote: signOff.note,
      version: sql`${w.version} + 1`,
      updatedAt: signOff.at,
    })
    .where(eq(w.id, id));
}
