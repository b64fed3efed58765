import { and, asc, desc, eq, gt, gte, inArray } from "drizzle-orm";
import type { RowOf, Store } from "../client";
import { prepared, slot } from "../prepared";

export type EventRecord = RowOf<ReturnType<typeof columns>>;

export type NewEvent = Omit<EventRecord, "id" | "at"> & { at?: Date };

function columns(store: Store) {
  const e = store.t.events;
  return {
    id: e.id,
    projectId: e.projectId,
    itemId: e.itemId,
    type: e.type,
    actor: e.actor,
    at: e.at,
    payload: e.payload,
  };
}

const appendEventQuery = prepared("append_event", (db, t) =>
  db
    .insert(t.events)
    .values({
      projectId: slot<number>("projectId"),
      itemId: slot<number | null>("itemId"),
      type: slot<string>("type"),
      actor: slot<string>("actor"),
      at: slot<Date>("at"),
      payload: slot<Record<string, unknown>>("payload"),
    })
    .returning(columns({ t } as Store)),
);

export async function appendEvent(store: Store, event: NewEvent): Promise<EventRecord> {
  const [row] = await appendEventQuery(store, { ...event, itemId: event.itemId ?? null, at: event.at ?? new Date() });
  return row;
}

export async function listEventsAfter(
  store: Store,
  projectId: number,
  afterId: number,
  limit: number,
): Promise<EventRecord[]> {
  const e = store.t.events;
  return store.db
    .select(columns(store))
    .from(e)
    .where(and(eq(e.projectId, projectId), gt(e.id, afterId)))
    .orderBy(asc(e.id))
    .limit(limit);
}

export async function listItemEvents(store: Store, itemId: number): Promise<EventRecord[]> {
  const e = store.t.events;
  return store.db.select(columns(store)).from(e).where(eq(e.itemId, itemId)).orderBy(asc(e.id));
}

export async function latestEventId(store: Store, projectId: number): Promise<number> {
  const e = store.t.events;
  const rows = await store.db
    .select({ id: e.id })
    .from(e)
    .where(eq(e.projectId, projectId))
    .orderBy(desc(e.id))
    .limit(1);
  return rows[0]?.id ?? 0;
}

/** Item-less events of some kinds since a time (deployment histories read these). */
export async function listProjectEventsSince(
  store: Store,
  projectId: number,
  types: string[],
  since: Date,
  limit = 500,
): Promise<EventRecord[]> {
  const e = store.t.events;
  return store.db
    .select(columns(store))
    .from(e)
    .where(and(eq(e.projectId, projectId), inArray(e.type, types), gte(e.at, since)))
    .orderBy(asc(e.id))
    .limit(limit);
}
