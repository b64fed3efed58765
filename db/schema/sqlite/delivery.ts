import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { projects, workItems } from "./funnel";
import type * as T from "../shared-types";

// The delivery pipeline behind the cards: code, builds, tests, releases, environments, deployments, alerts.
// Kept in step with ../pg/delivery.ts (db/schema/parity.ts checks it).

export const pullRequests = sqliteTable(
  "pull_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    branch: text("branch").notNull(),
    state: text("state").$type<T.PullRequestState>().notNull(),
    author: text("author"),
    url: text("url"),
    headSha: text("head_sha"),
    mergeCommitSha: text("merge_commit_sha"),
    mergeable: integer("mergeable", { mode: "boolean" }),
    checksState: text("checks_state").$type<T.ChecksState>().notNull().default("none"),
    gatesStatus: text("gates_status"),
    openedAt: integer("opened_at", { mode: "timestamp_ms" }).notNull(),
    mergedAt: integer("merged_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("pull_requests_project_number").on(t.projectId, t.number)],
);

export const itemPullRequests = sqliteTable(
  "item_pull_requests",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    pullRequestId: integer("pull_request_id")
      .notNull()
      .references(() => pullRequests.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.pullRequestId] }), index("item_pull_requests_pr").on(t.pullRequestId)],
);

export const commits = sqliteTable(
  "commits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    sha: text("sha").notNull(),
    message: text("message").notNull(),
    author: text("author"),
    branch: text("branch"),
    pullRequestId: integer("pull_request_id").references(() => pullRequests.id, { onDelete: "set null" }),
    committedAt: integer("committed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("commits_project_sha").on(t.projectId, t.sha)],
);

export const itemCommits = sqliteTable(
  "item_commits",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    commitId: integer("commit_id")
      .notNull()
      .references(() => commits.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.commitId] }), index("item_commits_commit").on(t.commitId)],
);

export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pullRequestId: integer("pull_request_id")
      .notNull()
      .references(() => pullRequests.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    reviewer: text("reviewer").notNull(),
    state: text("state").$type<T.ReviewState>().notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("reviews_pull_request").on(t.pullRequestId), uniqueIndex("reviews_external").on(t.externalId)],
);

export const builds = sqliteTable(
  "builds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    commitSha: text("commit_sha").notNull(),
    branch: text("branch").notNull(),
    status: text("status").$type<T.BuildStatus>().notNull(),
    url: text("url"),
    testsPassed: integer("tests_passed"),
    testsFailed: integer("tests_failed"),
    testsSkipped: integer("tests_skipped"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("builds_project_external").on(t.projectId, t.externalId),
    index("builds_commit").on(t.projectId, t.commitSha),
  ],
);

export const artifacts = sqliteTable(
  "artifacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    buildId: integer("build_id")
      .notNull()
      .references(() => builds.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    version: text("version").notNull(),
    url: text("url"),
  },
  (t) => [index("artifacts_build").on(t.buildId)],
);

export const releases = sqliteTable(
  "releases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    version: text("version").notNull(),
    buildId: integer("build_id").references(() => builds.id, { onDelete: "set null" }),
    commitSha: text("commit_sha").notNull(),
    pinnedAt: integer("pinned_at", { mode: "timestamp_ms" }),
    pinnedReason: text("pinned_reason"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("releases_project_version").on(t.projectId, t.version)],
);

export const releaseItems = sqliteTable(
  "release_items",
  {
    releaseId: integer("release_id")
      .notNull()
      .references(() => releases.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.itemId] }), index("release_items_item").on(t.itemId)],
);

export const environments = sqliteTable(
  "environments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    position: integer("position").notNull(),
    strategy: text("strategy").$type<T.EnvironmentStrategy>().notNull(),
    activeSlot: text("active_slot"),
    status: text("status").$type<T.EnvironmentStatus>().notNull().default("ready"),
    provisionLog: text("provision_log").notNull().default(""),
    config: text("config", { mode: "json" }).$type<T.EnvironmentConfig>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("environments_project_name").on(t.projectId, t.name)],
);

export const deployments = sqliteTable(
  "deployments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    releaseId: integer("release_id")
      .notNull()
      .references(() => releases.id, { onDelete: "cascade" }),
    environmentId: integer("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    slot: text("slot"),
    status: text("status").$type<T.DeploymentStatus>().notNull(),
    triggeredBy: text("triggered_by").notNull(),
    log: text("log").notNull().default(""),
    queuedAt: integer("queued_at", { mode: "timestamp_ms" }).notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    purpose: text("purpose").$type<T.DeploymentPurpose>().notNull().default("deploy"),
    phase: text("phase").$type<T.DeploymentPhase>(),
    verifyStatus: text("verify_status").$type<T.StepStatus>(),
    switchStatus: text("switch_status").$type<T.StepStatus>(),
    error: text("error"),
    runner: text("runner"),
    pid: integer("pid"),
    heartbeatAt: integer("heartbeat_at", { mode: "timestamp_ms" }),
    deadlineAt: integer("deadline_at", { mode: "timestamp_ms" }),
    cancelRequestedAt: integer("cancel_requested_at", { mode: "timestamp_ms" }),
    callbackTokenHash: text("callback_token_hash"),
  },
  (t) => [
    index("deployments_release").on(t.releaseId),
    index("deployments_environment").on(t.environmentId, t.slot, t.status),
    index("deployments_active").on(t.finishedAt, t.status),
  ],
);

/** One row per environment schedule and due time: the unique key makes a job fire once across instances. */
export const scheduleRuns = sqliteTable(
  "schedule_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    environmentId: integer("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    claimedBy: text("claimed_by").notNull(),
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }).notNull(),
    deploymentId: integer("deployment_id"),
    outcome: text("outcome").notNull(),
  },
  (t) => [uniqueIndex("schedule_runs_slot").on(t.environmentId, t.dueAt)],
);

export const testRuns = sqliteTable(
  "test_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    suite: text("suite").notNull(),
    buildId: integer("build_id").references(() => builds.id, { onDelete: "cascade" }),
    deploymentId: integer("deployment_id").references(() => deployments.id, { onDelete: "cascade" }),
    commitSha: text("commit_sha"),
    passed: integer("passed").notNull(),
    failed: integer("failed").notNull(),
    skipped: integer("skipped").notNull(),
    flaky: integer("flaky").notNull().default(0),
    durationMs: integer("duration_ms").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("test_runs_build").on(t.buildId), index("test_runs_deployment").on(t.deploymentId)],
);

export const testCases = sqliteTable(
  "test_cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    testRunId: integer("test_run_id")
      .notNull()
      .references(() => testRuns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    className: text("class_name"),
    status: text("status").notNull(),
    durationMs: integer("duration_ms").notNull().default(0),
    message: text("message"),
    flaky: integer("flaky", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("test_cases_run").on(t.testRunId)],
);

export const alerts = sqliteTable(
  "alerts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    environmentId: integer("environment_id").references(() => environments.id, { onDelete: "set null" }),
    fingerprint: text("fingerprint").notNull(),
    name: text("name").notNull(),
    status: text("status").notNull(),
    severity: text("severity").notNull(),
    labels: text("labels", { mode: "json" }).$type<T.AlertLabels>().notNull(),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }),
    annotations: text("annotations", { mode: "json" }).$type<T.AlertLabels>().notNull().default({}),
    generatorUrl: text("generator_url"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("alerts_identity").on(t.projectId, t.fingerprint, t.startsAt),
    index("alerts_firing").on(t.projectId, t.status),
    index("alerts_environment").on(t.environmentId, t.startsAt),
  ],
);
