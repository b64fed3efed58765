import { and, asc, eq, inArray, isNotNull, max, sql } from "drizzle-orm";
import { namesNothing, type RowOf, type Store } from "../client";
import type * as T from "../schema/shared-types";

export type EnvironmentRecord = RowOf<ReturnType<typeof columns>>;

function columns(store: Store) {
  const e = store.t.environments;
  return {
    id: e.id,
    projectId: e.projectId,
    name: e.name,
    kind: e.kind,
    position: e.position,
    strategy: e.strategy,
    activeSlot: e.activeSlot,
    status: e.status,
    provisionLog: e.provisionLog,
    config: e.config,
  };
}

export async function listEnvironments(store: Store, projectId: number): Promise<EnvironmentRecord[]> {
  const e = store.t.environments;
  return store.db.select(columns(store)).from(e).where(eq(e.projectId, projectId)).orderBy(asc(e.position), asc(e.id));
}

export async function findEnvironment(store: Store, id: number): Promise<EnvironmentRecord | null> {
  const e = store.t.environments;
  const [row] = await store.db.select(columns(store)).from(e).where(eq(e.id, id));
  return row ?? null;
}

export async function findEnvironmentByName(
  store: Store,
  projectId: number,
  name: string,
): Promise<EnvironmentRecord | null> {
  if (namesNothing(name)) return null;
  const e = store.t.environments;
  const [row] = await store.db
    .select(columns(store))
    .from(e)
    .where(and(eq(e.projectId, projectId), eq(e.name, name)));
  return row ?? null;
}

/** Environments with a schedule, across projects (the scheduler reads them every tick). */
export async function scheduledEnvironments(store: Store): Promise<EnvironmentRecord[]> {
  const e = store.t.environments;
  const rows = await store.db.select(columns(store)).from(e);
  return rows.filter((row) => Boolean((row.config as { schedule?: unknown }).schedule));
}

export async function updateEnvironment(
  store: Store,
  id: number,
  patch: Partial<Pick<EnvironmentRecord, "activeSlot" | "status" | "provisionLog" | "config" | "strategy">>,
): Promise<void> {
  const e = store.t.environments;
  await store.db.update(e).set(patch).where(eq(e.id, id));
}

export async function appendProvisionLog(store: Store, id: number, text: string): Promise<void> {
  const e = store.t.environments;
  await store.db
    .update(e)
    .set({ provisionLog: sql`${e.provisionLog} || ${text}` })
    .where(eq(e.id, id));
}

export async function insertEnvironmentRow(
  store: Store,
  row: {
    projectId: number;
    name: string;
    kind: string;
    strategy: T.EnvironmentStrategy;
    activeSlot: string | null;
    status: T.EnvironmentStatus;
    config: T.EnvironmentConfig;
  },
): Promise<number> {
  const e = store.t.environments;
  const [last] = await store.db
    .select({ position: max(e.position) })
    .from(e)
    .where(eq(e.projectId, row.projectId));
  const [created] = await store.db
    .insert(e)
    .values({ ...row, position: (last?.position ?? -1) + 1 })
    .returning({ id: e.id });
  return created.id;
}

/**
 * What each environment slot holds now: its newest successful deployment. For a blue-green
 * environment, the active slot's is what serves traffic; the idle slot's waits for a switch.
 */
export async function slotContents(
  store: Store,
  projectId: number,
): Promise<{ environmentId: number; slot: string | null; deploymentId: number }[]> {
  const d = store.t.deployments;
  const rows = await store.db
    .select({ environmentId: d.environmentId, slot: d.slot, deploymentId: max(d.id) })
    .from(d)
    .where(and(eq(d.projectId, projectId), inArray(d.status, ["succeeded", "rolled-back"]), isNotNull(d.startedAt)))
    .groupBy(d.environmentId, d.slot);
  return rows.map((row) => ({ ...row, deploymentId: Number(row.deploymentId) }));
}

export async function listEnvironmentConfigs(store: Store): Promise<{ id: number; config: T.EnvironmentConfig }[]> {
  const e = store.t.environments;
  return store.db.select({ id: e.id, config: e.config }).from(e);
}
