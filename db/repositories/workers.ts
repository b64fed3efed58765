import { and, asc, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { RowOf, Store } from "../client";
import type * as T from "../schema/shared-types";

function workerColumns(store: Store) {
  const w = store.t.workers;
  return {
    id: w.id,
    name: w.name,
    prefix: w.prefix,
    tags: w.tags,
    projectIds: w.projectIds,
    builtIn: w.builtIn,
    createdBy: w.createdBy,
    createdAt: w.createdAt,
    revokedAt: w.revokedAt,
    lastSeenAt: w.lastSeenAt,
    version: w.version,
    hostname: w.hostname,
  };
}
export type WorkerRecord = RowOf<ReturnType<typeof workerColumns>>;

export async function insertWorker(
  store: Store,
  row: Pick<WorkerRecord, "name" | "prefix" | "tags" | "projectIds" | "builtIn" | "createdBy"> & { hash: string },
): Promise<WorkerRecord> {
  const [created] = await store.db.insert(store.t.workers).values(row).returning(workerColumns(store));
  return created;
}

export async function findWorkerByHash(store: Store, hash: string): Promise<WorkerRecord | null> {
  const [row] = await store.db.select(workerColumns(store)).from(store.t.workers).where(eq(store.t.workers.hash, hash));
  return row ?? null;
}

export async function findWorker(store: Store, id: number): Promise<WorkerRecord | null> {
  const [row] = await store.db.select(workerColumns(store)).from(store.t.workers).where(eq(store.t.workers.id, id));
  return row ?? null;
}

export async function listWorkers(store: Store): Promise<WorkerRecord[]> {
  return store.db
    .select(workerColumns(store))
    .from(store.t.workers)
    .orderBy(asc(store.t.workers.name), asc(store.t.workers.id));
}

export async function updateWorker(
  store: Store,
  id: number,
  patch: Partial<Pick<WorkerRecord, "tags" | "projectIds" | "revokedAt" | "lastSeenAt" | "version" | "hostname">>,
): Promise<void> {
  await store.db.update(store.t.workers).set(patch).where(eq(store.t.workers.id, id));
}

/** Revokes the built-in workers of earlier starts: each start makes its own. */
export async function revokeBuiltInWorkers(store: Store, now: Date): Promise<void> {
  const w = store.t.workers;
  await store.db
    .update(w)
    .set({ revokedAt: now })
    .where(and(eq(w.builtIn, true), isNull(w.revokedAt)));
}

function jobColumns(store: Store) {
  const j = store.t.workerJobs;
  return {
    id: j.id,
    projectId: j.projectId,
    deploymentId: j.deploymentId,
    environmentId: j.environmentId,
    phase: j.phase,
    payload: j.payload,
    timeoutSeconds: j.timeoutSeconds,
    tags: j.tags,
    restricted: j.restricted,
    status: j.status,
    workerId: j.workerId,
    claimedAt: j.claimedAt,
    startedAt: j.startedAt,
    heartbeatAt: j.heartbeatAt,
    finishedAt: j.finishedAt,
    cancelRequestedAt: j.cancelRequestedAt,
    exitCode: j.exitCode,
    summary: j.summary,
    createdAt: j.createdAt,
  };
}
export type JobRecord = RowOf<ReturnType<typeof jobColumns>>;

export async function insertJob(
  store: Store,
  row: Pick<
    JobRecord,
    "projectId" | "deploymentId" | "environmentId" | "phase" | "payload" | "timeoutSeconds" | "tags" | "restricted"
  >,
): Promise<JobRecord> {
  const [created] = await store.db
    .insert(store.t.workerJobs)
    .values({ ...row, status: "queued" })
    .returning(jobColumns(store));
  return created;
}

export async function findJob(store: Store, id: number): Promise<JobRecord | null> {
  const [row] = await store.db.select(jobColumns(store)).from(store.t.workerJobs).where(eq(store.t.workerJobs.id, id));
  return row ?? null;
}

/** The newest job of a deployment's phase. */
export async function jobOfDeployment(
  store: Store,
  deploymentId: number,
  phase: T.JobPhase,
): Promise<JobRecord | null> {
  const j = store.t.workerJobs;
  const [row] = await store.db
    .select(jobColumns(store))
    .from(j)
    .where(and(eq(j.deploymentId, deploymentId), eq(j.phase, phase)))
    .orderBy(desc(j.id))
    .limit(1);
  return row ?? null;
}

export async function queuedJobs(store: Store, limit = 50): Promise<JobRecord[]> {
  const j = store.t.workerJobs;
  return store.db.select(jobColumns(store)).from(j).where(eq(j.status, "queued")).orderBy(asc(j.id)).limit(limit);
}

export async function activeJobs(store: Store): Promise<JobRecord[]> {
  const j = store.t.workerJobs;
  return store.db
    .select(jobColumns(store))
    .from(j)
    .where(inArray(j.status, ["queued", "running"]))
    .orderBy(asc(j.id));
}

/**
 * Gives a queued job to a worker, atomically: of several workers asking at once, exactly one
 * gets it (the update only changes a row that is still queued).
 */
export async function claimJob(store: Store, jobId: number, workerId: number, now: Date): Promise<boolean> {
  const j = store.t.workerJobs;
  const rows = await store.db
    .update(j)
    .set({ status: "running", workerId, claimedAt: now, heartbeatAt: now })
    .where(and(eq(j.id, jobId), eq(j.status, "queued")))
    .returning({ id: j.id });
  return rows.length === 1;
}

/** Changes a job only while it is in one of `from` (and, when given, held by `workerId`). */
export async function transitionJob(
  store: Store,
  jobId: number,
  from: T.JobStatus[],
  patch: Partial<
    Pick<
      JobRecord,
      | "status"
      | "workerId"
      | "claimedAt"
      | "startedAt"
      | "heartbeatAt"
      | "finishedAt"
      | "cancelRequestedAt"
      | "exitCode"
      | "summary"
    >
  >,
  workerId?: number,
): Promise<JobRecord | null> {
  const j = store.t.workerJobs;
  const [row] = await store.db
    .update(j)
    .set(patch)
    .where(and(eq(j.id, jobId), inArray(j.status, from), workerId === undefined ? undefined : eq(j.workerId, workerId)))
    .returning(jobColumns(store));
  return row ?? null;
}

/** Running jobs whose worker has said nothing since `before`. */
export async function silentJobs(store: Store, before: Date): Promise<JobRecord[]> {
  const j = store.t.workerJobs;
  return store.db
    .select(jobColumns(store))
    .from(j)
    .where(and(eq(j.status, "running"), lt(j.heartbeatAt, before)));
}

/** What each worker runs now. */
export async function runningJobsByWorker(store: Store): Promise<Map<number, JobRecord>> {
  const j = store.t.workerJobs;
  const rows = await store.db.select(jobColumns(store)).from(j).where(eq(j.status, "running"));
  return new Map(rows.filter((row) => row.workerId !== null).map((row) => [row.workerId!, row]));
}

/** Keeps a worker's last-seen time within a few seconds, without a write on every call. */
export async function touchWorker(
  store: Store,
  id: number,
  now: Date,
  details: { version?: string; hostname?: string },
) {
  const w = store.t.workers;
  await store.db
    .update(w)
    .set({ lastSeenAt: now, ...details })
    .where(and(eq(w.id, id), or(isNull(w.lastSeenAt), lt(w.lastSeenAt, new Date(now.getTime() - 2000)))));
}
