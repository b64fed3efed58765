import { randomBytes } from "node:crypto";
import { DomainError } from "../../domain/errors";
import type { Actor } from "../../domain/access/actor";
import { listProjects } from "../../db/repositories/projects";
import {
  findWorker,
  findWorkerByHash,
  insertWorker,
  listWorkers,
  revokeBuiltInWorkers,
  runningJobsByWorker,
  updateWorker,
  type WorkerRecord,
} from "../../db/repositories/workers";
import type { App } from "../app";
import { recordAccess } from "../auth/access-log";
import { hashToken } from "../auth/tokens";
import { deriveSecret } from "../../db/secrets";

const PREFIX = "slw_";
/** Seen within this long: online (a worker asks for jobs every 25 s at most). */
const ONLINE_MS = 60_000;

function requireInstanceAdmin(actor: Actor) {
  if (!actor.instanceAdmin)
    throw new DomainError(
      "AUTH.FORBIDDEN",
      "Workers run steps for every project: only an instance admin manages them.",
    );
}

/** Project slugs to ids; an unknown slug is refused naming it. */
async function projectIdsOf(app: App, slugs: string[]): Promise<number[]> {
  const projects = await listProjects(app.database);
  return slugs.map((slug) => {
    const project = projects.find((p) => p.slug === slug);
    if (!project) throw new DomainError("PROJECT.NOT_FOUND", `There is no project "${slug}".`, { field: "projects" });
    return project.id;
  });
}

export interface WorkerInput {
  name: string;
  tags: string[];
  /** Slugs of the projects it serves; none: shared by every project. */
  projects: string[];
}

/** A worker token, shown once (only its hash is kept): an instance admin creates one per worker. */
export async function createWorker(app: App, actor: Actor, input: WorkerInput) {
  requireInstanceAdmin(actor);
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const worker = await app.database.transaction((store) =>
    insertWorker(store, {
      name: input.name.trim() || "worker",
      prefix: token.slice(0, 10),
      hash: hashToken(token),
      tags: [...new Set(input.tags)],
      projectIds: [],
      builtIn: false,
      createdBy: actor.id,
    }),
  );
  if (input.projects.length) {
    const projectIds = await projectIdsOf(app, input.projects);
    await app.database.transaction((store) => updateWorker(store, worker.id, { projectIds }));
    worker.projectIds = projectIds;
  }
  await recordAccess(app, {
    action: "worker.created",
    actor: actor.id,
    subject: worker.name,
    detail: { tags: worker.tags, projects: input.projects },
  });
  return { token, worker };
}

/**
 * The built-in worker (every tag, every project). Its token is derived from the instance's key,
 * so it is the same at every start: a step that outlives a restart of the server still reports.
 */
export async function createBuiltInWorker(app: App, actor: Actor): Promise<{ token: string; worker: WorkerRecord }> {
  const token = `${PREFIX}${deriveSecret("built-in-worker")}`;
  const hash = hashToken(token);
  const known = await findWorkerByHash(app.database, hash);
  if (known && !known.revokedAt) return { token, worker: known };
  await app.database.transaction((store) => revokeBuiltInWorkers(store, app.now()));
  const worker = await app.database.transaction((store) =>
    insertWorker(store, {
      name: "built-in",
      prefix: token.slice(0, 10),
      hash,
      tags: ["*"],
      projectIds: [],
      builtIn: true,
      createdBy: actor.id,
    }),
  );
  return { token, worker };
}

async function requireWorker(app: App, id: number): Promise<WorkerRecord> {
  const worker = await findWorker(app.database, id);
  if (!worker) throw new DomainError("WORKER.NOT_FOUND", `There is no worker ${id}.`, { id });
  return worker;
}

export async function changeWorker(app: App, actor: Actor, id: number, input: Partial<Omit<WorkerInput, "name">>) {
  requireInstanceAdmin(actor);
  const worker = await requireWorker(app, id);
  const projectIds = input.projects ? await projectIdsOf(app, input.projects) : worker.projectIds;
  const tags = input.tags ? [...new Set(input.tags)] : worker.tags;
  await app.database.transaction((store) => updateWorker(store, id, { tags, projectIds }));
  await recordAccess(app, {
    action: "worker.changed",
    actor: actor.id,
    subject: worker.name,
    detail: { tags, projects: input.projects },
  });
}

export async function revokeWorker(app: App, actor: Actor, id: number) {
  requireInstanceAdmin(actor);
  const worker = await requireWorker(app, id);
  if (worker.revokedAt) return;
  await app.database.transaction((store) => updateWorker(store, id, { revokedAt: app.now() }));
  await recordAccess(app, { action: "worker.revoked", actor: actor.id, subject: worker.name, detail: {} });
}

/** The Workers page: each worker with its tags, projects, version, when it was last seen and what it runs now. */
export async function listWorkersView(app: App) {
  const [workers, running, projects] = await Promise.all([
    listWorkers(app.database),
    runningJobsByWorker(app.database),
    listProjects(app.database),
  ]);
  const now = app.now().getTime();
  return workers.map((worker) => {
    const job = running.get(worker.id);
    return {
      id: worker.id,
      name: worker.name,
      prefix: worker.prefix,
      tags: worker.tags,
      projects: worker.projectIds.map((id) => projects.find((p) => p.id === id)?.slug ?? `#${id}`),
      builtIn: worker.builtIn,
      createdBy: worker.createdBy,
      createdAt: worker.createdAt,
      revokedAt: worker.revokedAt,
      lastSeenAt: worker.lastSeenAt,
      online: !worker.revokedAt && worker.lastSeenAt !== null && now - worker.lastSeenAt.getTime() < ONLINE_MS,
      version: worker.version,
      hostname: worker.hostname,
      job: job ? { id: job.id, phase: job.phase, deploymentId: job.deploymentId, startedAt: job.startedAt } : null,
    };
  });
}
