import { and, desc, eq, type SQL } from "drizzle-orm";
import type { RowOf, Store } from "../client";

export type AlertRecord = RowOf<ReturnType<typeof columns>>;

function columns(store: Store) {
  const a = store.t.alerts;
  return {
    id: a.id,
    projectId: a.projectId,
    environmentId: a.environmentId,
    fingerprint: a.fingerprint,
    name: a.name,
    status: a.status,
    severity: a.severity,
    labels: a.labels,
    annotations: a.annotations,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    generatorUrl: a.generatorUrl,
    updatedAt: a.updatedAt,
  };
}

export async function findAlert(
  store: Store,
  projectId: number,
  fingerprint: string,
  startsAt: Date,
): Promise<AlertRecord | null> {
  const a = store.t.alerts;
  const [row] = await store.db
    .select(columns(store))
    .from(a)
    .where(and(eq(a.projectId, projectId), eq(a.fingerprint, fingerprint), eq(a.startsAt, startsAt)));
  return row ?? null;
}

export async function insertAlertRow(store: Store, alert: Omit<AlertRecord, "id">): Promise<number> {
  const a = store.t.alerts;
  const [row] = await store.db.insert(a).values(alert).returning({ id: a.id });
  return row.id;
}

export async function updateAlertRow(
  store: Store,
  id: number,
  patch: Partial<Omit<AlertRecord, "id" | "projectId">>,
): Promise<void> {
  const a = store.t.alerts;
  await store.db.update(a).set(patch).where(eq(a.id, id));
}

export async function listAlerts(
  store: Store,
  projectId: number,
  filter: { status?: string; environmentId?: number } = {},
  limit = 200,
): Promise<AlertRecord[]> {
  const a = store.t.alerts;
  const where: SQL[] = [eq(a.projectId, projectId)];
  if (filter.status) where.push(eq(a.status, filter.status));
  if (filter.environmentId !== undefined) where.push(eq(a.environmentId, filter.environmentId));
  return store.db
    .select(columns(store))
    .from(a)
    .where(and(...where))
    .orderBy(desc(a.startsAt), desc(a.id))
    .limit(limit);
}
