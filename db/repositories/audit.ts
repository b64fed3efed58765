import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Store } from "../client";
import type { EventRecord } from "./events";

export interface AuditFilter {
  projectId: number;
  types: string[];
  actor?: string | null;
  from?: Date | null;
  to?: Date | null;
  beforeId?: number | null;
}

/** Audited events, newest first: the given types, and of card moves only the forced ones. */
export async function listAuditEvents(store: Store, filter: AuditFilter, limit: number): Promise<EventRecord[]> {
  const e = store.t.events;
  const forced =
    store.dialect === "sqlite"
      ? sql`json_extract(${e.payload}, '$.forced') = 1`
      : sql`(${e.payload} ->> 'forced') = 'true'`;
  const others = filter.types.filter((type) => type !== "item.moved");
  const kinds: SQL[] = [];
  if (others.length) kinds.push(inArray(e.type, others));
  if (filter.types.includes("item.moved")) kinds.push(and(eq(e.type, "item.moved"), forced)!);
  if (kinds.length === 0) return [];
  const where: SQL[] = [eq(e.projectId, filter.projectId), or(...kinds)!];
  if (filter.actor) where.push(eq(e.actor, filter.actor));
  if (filter.from) where.push(gte(e.at, filter.from));
  if (filter.to) where.push(lt(e.at, filter.to));
  if (filter.beforeId) where.push(lt(e.id, filter.beforeId));
  return store.db
    .select({
      id: e.id,
      projectId: e.projectId,
      itemId: e.itemId,
      type: e.type,
      actor: e.actor,
      at: e.at,
      payload: e.payload,
    })
    .from(e)
    .where(and(...where))
    .orderBy(desc(e.id))
    .limit(limit);
}
