import { at, createdAt, flag, id, index, int, json, table, text, uniqueIndex } from "./kit";
import { projects } from "./funnel";
import type * as T from "../shared-types";

// Workers (processes that run deploy steps away from the server) and the jobs they take.
// The same text in ../sqlite/ and ../pg/: each folder's kit.ts gives the columns their dialect's types.

export const workers = table(
  "workers",
  {
    id: id(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    /** What it may run: an environment's steps go to workers that have all its tags ("*": every tag). */
    tags: json<string[]>("tags").notNull(),
    /** The projects an instance admin assigned it to; empty: shared by every project. */
    projectIds: json<number[]>("project_ids").notNull(),
    builtIn: flag("built_in").notNull().default(false),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    revokedAt: at("revoked_at"),
    lastSeenAt: at("last_seen_at"),
    version: text("version"),
    hostname: text("hostname"),
  },
  (t) => [uniqueIndex("workers_hash").on(t.hash)],
);

export const workerJobs = table(
  "worker_jobs",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    deploymentId: int("deployment_id"),
    environmentId: int("environment_id"),
    phase: text("phase").$type<T.JobPhase>().notNull(),
    /** The command, its variables and the values to mask, sealed: secrets never rest in clear. */
    payload: text("payload").notNull(),
    timeoutSeconds: int("timeout_seconds").notNull(),
    tags: json<string[]>("tags").notNull(),
    /** Set by a project admin: only workers assigned to the project may run it. */
    restricted: flag("restricted").notNull().default(false),
    status: text("status").$type<T.JobStatus>().notNull(),
    workerId: int("worker_id"),
    claimedAt: at("claimed_at"),
    startedAt: at("started_at"),
    heartbeatAt: at("heartbeat_at"),
    finishedAt: at("finished_at"),
    cancelRequestedAt: at("cancel_requested_at"),
    exitCode: int("exit_code"),
    summary: text("summary"),
    createdAt: createdAt(),
  },
  (t) => [index("worker_jobs_status").on(t.status, t.id), index("worker_jobs_deployment").on(t.deploymentId, t.phase)],
);
