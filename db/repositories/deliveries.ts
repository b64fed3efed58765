import { and, asc, desc, eq } from "drizzle-orm";
import type { RowOf, Store } from "../client";
import type { DeliveryStatus } from "../schema/shared-types";

export type DeliveryRecord = RowOf<ReturnType<typeof columns>>;

function columns(store: Store) {
  const d = store.t.webhookDeliveries;
  return {
    id: d.id,
    projectId: d.projectId,
    source: d.source,
    deliveryId: d.deliveryId,
    event: d.event,
    action: d.action,
    body: d.body,
    status: d.status,
    error: d.error,
    receivedAt: d.receivedAt,
    processedAt: d.processedAt,
  };
}

/** Stores a delivery; null when the project stored one with the same source and id before (a redelivery). */
export async function insertDelivery(
  store: Store,
  delivery: Omit<DeliveryRecord, "id" | "error" | "processedAt">,
): Promise<{ id: number; status: DeliveryStatus } | null> {
  const d = store.t.webhookDeliveries;
  const rows = await store.db
    .insert(d)
    .values(delivery)
    .onConflictDoNothing()
    .returning({ id: d.id, status: d.status });
  return rows[0] ?? null;
}

export async function findDelivery(
  store: Store,
  projectId: number,
  source: string,
  deliveryId: string,
): Promise<DeliveryRecord | null> {
  const d = store.t.webhookDeliveries;
  const rows = await store.db
    .select(columns(store))
    .from(d)
    .where(and(eq(d.projectId, projectId), eq(d.source, source), eq(d.deliveryId, deliveryId)));
  return rows[0] ?? null;
}

export async function markDelivery(
  store: Store,
  id: number,
  status: DeliveryStatus,
  error: string | null,
  at: Date,
): Promise<void> {
  const d = store.t.webhookDeliveries;
  await store.db.update(d).set({ status, error, processedAt: at }).where(eq(d.id, id));
}

export type DeliverySummary = Omit<DeliveryRecord, "body">;

/** A project's recent deliveries, newest first, without their bodies (lists never show them). */
export async function listDeliveries(store: Store, projectId: number, limit: number): Promise<DeliverySummary[]> {
  const d = store.t.webhookDeliveries;
  const { body, ...summary } = columns(store);
  void body;
  return store.db.select(summary).from(d).where(eq(d.projectId, projectId)).orderBy(desc(d.id)).limit(limit);
}

/** Deliveries stored but not processed yet (the app stopped in between), oldest first. */
export async function listPendingDeliveries(store: Store, limit: number): Promise<DeliveryRecord[]> {
  const d = store.t.webhookDeliveries;
  return store.db.select(columns(store)).from(d).where(eq(d.status, "pending")).orderBy(asc(d.id)).limit(limit);
}

/** Claims a pending delivery for processing: true for exactly one caller, even across instances. */
export async function claimDelivery(store: Store, id: number, at: Date): Promise<boolean> {
  const d = store.t.webhookDeliveries;
  const rows = await store.db
    .update(d)
    .set({ status: "processed", error: null, processedAt: at })
    .where(and(eq(d.id, id), eq(d.status, "pending")))
    .returning({ id: d.id });
  return rows.length > 0;
}
