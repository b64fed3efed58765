import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { RowOf, Store } from "../client";
import type * as T from "../schema/shared-types";

export type DeploymentRecord = RowOf<ReturnType<typeof columns>>;

function columns(store: Store) {
  const d = store.t.deployments;
  return {
    id: d.id,
    projectId: d.projectId,
    releaseId: d.releaseId,
    environmentId: d.environmentId,
    slot: d.slot,
    status: d.status,
    purpose: d.purpose,
    phase: d.phase,
    verifyStatus: d.verifyStatus,
    switchStatus: d.switchStatus,
    error: d.error,
    triggeredBy: d.triggeredBy,
    runner: d.runner,
    pid: d.pid,
    queuedAt: d.queuedAt,
    startedAt: d.startedAt,
    finishedAt: d.finishedAt,
    heartbeatAt: d.heartbeatAt,
    deadlineAt: d.deadlineAt,
    cancelRequestedAt: d.cancelRequestedAt,
    callbackTokenHash: d.callbackTokenHash,
    request: d.request,
  };
}

export type NewDeployment = Pick<
  DeploymentRecord,
  "projectId" | "releaseId" | "environmentId" | "slot" | "purpose" | "triggeredBy" | "queuedAt"
> &
  Partial<Pick<DeploymentRecord, "phase" | "status" | "request">>;

export async function enqueueDeployment(store: Store, row: NewDeployment): Promise<number> {
  const d = store.t.deployments;
  const [created] = await store.db
    .insert(d)
    .values({ status: "queued", ...row })
    .returning({ id: d.id });
  return created.id;
}

export async function findDeployment(store: Store, id: number): Promise<DeploymentRecord | null> {
  const d = store.t.deployments;
  const [row] = await store.db.select(columns(store)).from(d).where(eq(d.id, id));
  return row ?? null;
}

export async function readLog(store: Store, id: number): Promise<string> {
  const d = store.t.deployments;
  const [row] = await store.db.select({ log: d.log }).from(d).where(eq(d.id, id));
  return row?.log ?? "";
}

export async function updateDeployment(
  store: Store,
  id: number,
  patch: Partial<Omit<DeploymentRecord, "id" | "projectId">>,
): Promise<void> {
  const d = store.t.deployments;
  await store.db.update(d).set(patch).where(eq(d.id, id));
}

/** Changes an unfinished deployment only if it is still in `from` (another instance may have moved it on). */
export async function transitionDeployment(
  store: Store,
  id: number,
  from: T.DeploymentStatus[],
  patch: Partial<Omit<DeploymentRecord, "id" | "projectId">>,
): Promise<boolean> {
  const d = store.t.deployments;
  const rows = await store.db
    .update(d)
    .set(patch)
    .where(and(eq(d.id, id), inArray(d.status, from), isNull(d.finishedAt)))
    .returning({ id: d.id });
  return rows.length > 0;
}

export async function appendLog(store: Store, id: number, text: string): Promise<void> {
  const d = store.t.deployments;
  await store.db
    .update(d)
    .set({ log: sql`${d.log} || ${text}` })
    .where(eq(d.id, id));
}

/** In progress: started and not finished (deploying, verifying or switching), or waiting in the queue. */
export async function unfinishedOnSlot(
  store: Store,
  environmentId: number,
  slot: string | null,
): Promise<DeploymentRecord[]> {
  const d = store.t.deployments;
  return store.db
    .select(columns(store))
    .from(d)
    .where(
      and(eq(d.environmentId, environmentId), slot === null ? isNull(d.slot) : eq(d.slot, slot), isNull(d.finishedAt)),
    )
    .orderBy(asc(d.id));
}

/** Queued deployments, oldest first, across projects. */
export async function queuedDeployments(store: Store, limit = 50): Promise<DeploymentRecord[]> {
  const d = store.t.deployments;
  return store.db.select(columns(store)).from(d).where(eq(d.status, "queued")).orderBy(asc(d.id)).limit(limit);
}

/** Started and not finished, across projects (for recovery and heartbeats). */
export async function unfinishedDeployments(store: Store): Promise<DeploymentRecord[]> {
  const d = store.t.deployments;
  return store.db
    .select(columns(store))
    .from(d)
    .where(and(isNull(d.finishedAt), sql`${d.startedAt} is not null`))
    .orderBy(asc(d.id));
}

export async function heartbeat(
  store: Store,
  ids: number[],
  at: Date,
): Promise<{ id: number; cancelRequestedAt: Date | null }[]> {
  const d = store.t.deployments;
  return store.db
    .update(d)
    .set({ heartbeatAt: at })
    .where(inArray(d.id, ids))
    .returning({ id: d.id, cancelRequestedAt: d.cancelRequestedAt });
}

export async function deploymentsOfReleases(store: Store, releaseIds: number[]): Promise<DeploymentRecord[]> {
  if (releaseIds.length === 0) return [];
  const d = store.t.deployments;
  return store.db.select(columns(store)).from(d).where(inArray(d.releaseId, releaseIds)).orderBy(asc(d.id));
}

export async function listDeployments(
  store: Store,
  projectId: number,
  filter: { environmentId?: number; before?: Date } = {},
  limit = 50,
): Promise<DeploymentRecord[]> {
  const d = store.t.deployments;
  const where: SQL[] = [eq(d.projectId, projectId)];
  if (filter.environmentId !== undefined) where.push(eq(d.environmentId, filter.environmentId));
  if (filter.before) where.push(lt(d.queuedAt, filter.before));
  return store.db
    .select(columns(store))
    .from(d)
    .where(and(...where))
    .orderBy(desc(d.id))
    .limit(limit);
}

/** Deployments waiting on an external tool past their deadline. */
export async function overdueDeployments(store: Store, now: Date): Promise<DeploymentRecord[]> {
  const d = store.t.deployments;
  return store.db
    .select(columns(store))
    .from(d)
    .where(and(isNull(d.finishedAt), lt(d.deadlineAt, now), or(eq(d.status, "running"), eq(d.status, "succeeded"))));
}

/** What a slot held before `beforeId` (or now): its newest successful deployment older than that one. */
export async function newestSucceededBefore(
  store: Store,
  environmentId: number,
  slot: string | null,
  beforeId?: number,
): Promise<DeploymentRecord | null> {
  const d = store.t.deployments;
  const [row] = await store.db
    .select(columns(store))
    .from(d)
    .where(
      and(
        eq(d.environmentId, environmentId),
        slot === null ? isNull(d.slot) : eq(d.slot, slot),
        eq(d.status, "succeeded"),
        beforeId === undefined ? undefined : lt(d.id, beforeId),
      ),
    )
    .orderBy(desc(d.id))
    .limit(1);
  return row ?? null;
}

export async function replaceLog(store: Store, id: number, log: string): Promise<void> {
  const d = store.t.deployments;
  await store.db.update(d).set({ log }).where(eq(d.id, id));
}

/** The environment's newest switch of traffic (a promotion's or a rollback's), if any. */
export async function lastSwitch(store: Store, environmentId: number): Promise<DeploymentRecord | null> {
  const d = store.t.deployments;
  const [row] = await store.db
    .select(columns(store))
    .from(d)
    .where(and(eq(d.environmentId, environmentId), eq(d.switchStatus, "passed")))
    .orderBy(desc(d.finishedAt), desc(d.id))
    .limit(1);
  return row ?? null;
}

/**
 * The deployments that made an environment serve their release, oldest first: in place, every
 * completed one; blue-green, those that switched traffic to their slot. With whether each was
 * replaced by a rollback, and whether its release ever passed verification there.
 */
export async function servedHistory(store: Store, environmentId: number, blueGreen: boolean) {
  const d = store.t.deployments;
  const rows = await store.db
    .select({
      deploymentId: d.id,
      releaseId: d.releaseId,
      version: store.t.releases.version,
      status: d.status,
      slot: d.slot,
      verifyStatus: d.verifyStatus,
      finishedAt: d.finishedAt,
    })
    .from(d)
    .innerJoin(store.t.releases, eq(store.t.releases.id, d.releaseId))
    .where(
      and(
        eq(d.environmentId, environmentId),
        inArray(d.status, ["succeeded", "rolled-back"]),
        blueGreen ? eq(d.switchStatus, "passed") : undefined,
      ),
    )
    .orderBy(asc(d.finishedAt), asc(d.id));
  const verified = await store.db
    .selectDistinct({ releaseId: d.releaseId })
    .from(d)
    .where(and(eq(d.environmentId, environmentId), eq(d.verifyStatus, "passed")));
  const verifiedReleases = new Set(verified.map((row) => row.releaseId));
  return rows
    .filter((row) => row.finishedAt !== null)
    .map((row) => ({ ...row, from: row.finishedAt!, verifiedThere: verifiedReleases.has(row.releaseId) }));
}

/**
 * The newest deployment that ran on a slot (or in place): what the slot holds now, if it
 * completed. A deployment rolled back since still holds its slot; a failed one leaves it unknown.
 */
export async function newestOnSlot(
  store: Store,
  environmentId: number,
  slot: string | null,
): Promise<DeploymentRecord | null> {
  const d = store.t.deployments;
  const [row] = await store.db
    .select(columns(store))
    .from(d)
    .where(
      and(
        eq(d.environmentId, environmentId),
        slot === null ? isNull(d.slot) : eq(d.slot, slot),
        isNotNull(d.startedAt),
        ne(d.status, "queued"),
      ),
    )
    .orderBy(desc(d.id))
    .limit(1);
  return row ?? null;
}
