import { seal, unseal } from "../../db/secrets";
import type { EnvironmentSettings } from "../../domain/release/environment";
import type * as T from "../../db/schema/shared-types";
import {
  claimJob,
  insertJob,
  listWorkers,
  queuedJobs,
  type JobRecord,
  type WorkerRecord,
} from "../../db/repositories/workers";
import type { App } from "../app";
import { workerMatches } from "../services/step-permissions";
import type { JobTicket } from "../worker/protocol";

/** A worker that said nothing for this long is gone: its job fails, or goes to another worker. */
export const WORKER_SILENCE_MS = 60_000;

export interface StepRequest {
  projectId: number;
  deploymentId: number | null;
  environmentId: number | null;
  phase: T.JobPhase;
  command: string;
  timeoutSeconds: number;
  /** Shiplane's own step variables (SHIPLANE_*). */
  env: Record<string, string>;
  settings: EnvironmentSettings;
}

interface Payload {
  command: string;
  env: Record<string, string>;
  mask: string[];
}

/**
 * Queues a command step for a worker: with the environment's declared variables beside
 * Shiplane's own, the secret values to mask, the tags a worker needs, and whether only workers
 * assigned to the project may take it. The payload is sealed: secrets never rest in clear.
 */
export async function dispatchStep(
  app: App,
  request: StepRequest,
): Promise<{ job: JobRecord; waiting: string | null }> {
  const { settings } = request;
  const variables = Object.fromEntries(Object.entries(settings.variables).map(([name, v]) => [name, v.value]));
  const mask = Object.values(settings.variables)
    .filter((v) => v.secret)
    .map((v) => v.value);
  const payload: Payload = { command: request.command, env: { ...variables, ...request.env }, mask };
  const job = await app.database.transaction((store) =>
    insertJob(store, {
      projectId: request.projectId,
      deploymentId: request.deploymentId,
      environmentId: request.environmentId,
      phase: request.phase,
      payload: seal(JSON.stringify(payload)),
      timeoutSeconds: request.timeoutSeconds,
      tags: settings.workerTags,
      restricted: settings.commandsSetBy === "project",
    }),
  );
  const online = (await listWorkers(app.database)).filter(
    (worker) => isOnline(worker, app.now()) && mayTake(worker, job),
  );
  const tags = job.tags.length ? `with the tags ${job.tags.join(", ")}` : "";
  const waiting = online.length
    ? null
    : `Waiting for a worker${tags ? ` ${tags}` : ""}${job.restricted ? " assigned to this project" : ""}: none is online. Start one with \`npx shiplane worker --url … --token slw_…\` (instance admins create tokens on the Workers page).`;
  return { job, waiting };
}

/** What the worker runs, unsealed for it alone. */
export function ticketOf(job: JobRecord): JobTicket {
  const payload = JSON.parse(unseal(job.payload)) as Payload;
  return { id: job.id, phase: job.phase, timeoutSeconds: job.timeoutSeconds, ...payload };
}

/** The values a job's output must never show. */
export function maskOf(job: JobRecord): string[] {
  return (JSON.parse(unseal(job.payload)) as Payload).mask;
}

export function isOnline(worker: WorkerRecord, now: Date): boolean {
  return (
    !worker.revokedAt && worker.lastSeenAt !== null && now.getTime() - worker.lastSeenAt.getTime() < WORKER_SILENCE_MS
  );
}

/**
 * Whether a worker may take a job: it has the job's tags, and it serves the job's project — a
 * shared worker (assigned to none) every project's jobs but those a project admin set, an
 * assigned worker only its projects' jobs.
 */
export function mayTake(worker: Pick<WorkerRecord, "tags" | "projectIds">, job: JobRecord): boolean {
  if (!workerMatches(worker, job.tags)) return false;
  return worker.projectIds.length === 0 ? !job.restricted : worker.projectIds.includes(job.projectId);
}

/** The oldest queued job this worker may take, claimed for it; null when there is none. */
export async function claimFor(app: App, worker: WorkerRecord): Promise<JobTicket | null> {
  for (const job of await queuedJobs(app.database)) {
    if (!mayTake(worker, job)) continue;
    if (await app.database.transaction((store) => claimJob(store, job.id, worker.id, app.now()))) return ticketOf(job);
  }
  return null;
}
