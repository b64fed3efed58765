import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type * as T from "./shared-types";

// Kept in step with ./pg.ts: same tables, columns and inferred types (checked by db/schema/parity.ts and its test).
const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const projects = sqliteTable("projects", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  repo: text("repo"),
  keyPrefix: text("key_prefix").notNull(),
  nextItemNumber: integer("next_item_number").notNull().default(1),
  requiredApprovals: integer("required_approvals").notNull().default(1),
  webhookSecret: text("webhook_secret"),
  githubToken: text("github_token"),
  autoPromote: integer("auto_promote", { mode: "boolean" }).notNull().default(false),
  lineStoppedAt: integer("line_stopped_at", { mode: "timestamp_ms" }),
  lineStoppedBy: text("line_stopped_by"),
  lineStoppedReason: text("line_stopped_reason"),
  alertEnvironmentLabel: text("alert_environment_label"),
  freezeWindows: text("freeze_windows", { mode: "json" }).$type<T.FreezeWindow[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const stages = sqliteTable(
  "stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    wipLimit: integer("wip_limit"),
  },
  (t) => [uniqueIndex("stages_project_key").on(t.projectId, t.key)],
);

export const workItems = sqliteTable(
  "work_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    kind: text("kind").$type<T.ItemKind>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    owner: text("owner"),
    labels: text("labels", { mode: "json" }).$type<string[]>().notNull(),
    estimate: integer("estimate"),
    stage: text("stage").notNull(),
    position: text("position").notNull(),
    version: integer("version").notNull().default(1),
    blocked: integer("blocked", { mode: "boolean" }).notNull().default(false),
    blockedReason: text("blocked_reason"),
    needsManualQa: integer("needs_manual_qa", { mode: "boolean" }).notNull().default(false),
    qaSignedOffBy: text("qa_signed_off_by"),
    qaSignOffNote: text("qa_sign_off_note"),
    qaSignedOffAt: integer("qa_signed_off_at", { mode: "timestamp_ms" }),
    rejectedReason: text("rejected_reason"),
    rejectedFromStage: text("rejected_from_stage"),
    stageEnteredAt: integer("stage_entered_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("work_items_project_number").on(t.projectId, t.number),
    index("work_items_board").on(t.projectId, t.stage, t.position),
  ],
);

export const stageIntervals = sqliteTable(
  "stage_intervals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    itemId: integer("item_id").notNull().references(() => workItems.id, { onDelete: "cascade" }),
    stage: text("stage").notNull(),
    enteredAt: integer("entered_at", { mode: "timestamp_ms" }).notNull(),
    leftAt: integer("left_at", { mode: "timestamp_ms" }),
    /** The stage the item came from (null when it was created here). */
    fromStage: text("from_stage"),
    /** When the item left this stay for the next stage of the funnel (a forward move by one). */
    nextAt: integer("next_at", { mode: "timestamp_ms" }),
    /** When the item first reached Live after this stay began. */
    liveAt: integer("live_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("stage_intervals_item").on(t.itemId, t.stage, t.enteredAt),
    index("stage_intervals_project_stage").on(t.projectId, t.stage, t.enteredAt),
    index("stage_intervals_entered").on(t.projectId, t.enteredAt, t.stage, t.itemId, t.fromStage, t.nextAt, t.liveAt),
    index("stage_intervals_left").on(t.projectId, t.leftAt, t.stage, t.enteredAt),
  ],
);

export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    itemId: integer("item_id"),
    type: text("type").notNull(),
    actor: text("actor").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    payload: text("payload", { mode: "json" }).$type<T.EventPayload>().notNull(),
  },
  (t) => [index("events_project_id").on(t.projectId, t.id), index("events_item_id").on(t.itemId, t.id)],
);

export const pullRequests = sqliteTable(
  "pull_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
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
    itemId: integer("item_id").notNull().references(() => workItems.id, { onDelete: "cascade" }),
    pullRequestId: integer("pull_request_id").notNull().references(() => pullRequests.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.pullRequestId] }), index("item_pull_requests_pr").on(t.pullRequestId)],
);

export const commits = sqliteTable(
  "commits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
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
    itemId: integer("item_id").notNull().references(() => workItems.id, { onDelete: "cascade" }),
    commitId: integer("commit_id").notNull().references(() => commits.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.commitId] }), index("item_commits_commit").on(t.commitId)],
);

export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pullRequestId: integer("pull_request_id").notNull().references(() => pullRequests.id, { onDelete: "cascade" }),
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
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
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
  (t) => [uniqueIndex("builds_project_external").on(t.projectId, t.externalId), index("builds_commit").on(t.projectId, t.commitSha)],
);

export const artifacts = sqliteTable(
  "artifacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    buildId: integer("build_id").notNull().references(() => builds.id, { onDelete: "cascade" }),
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
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
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
    releaseId: integer("release_id").notNull().references(() => releases.id, { onDelete: "cascade" }),
    itemId: integer("item_id").notNull().references(() => workItems.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.itemId] }), index("release_items_item").on(t.itemId)],
);

export const environments = sqliteTable(
  "environments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
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
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    releaseId: integer("release_id").notNull().references(() => releases.id, { onDelete: "cascade" }),
    environmentId: integer("environment_id").notNull().references(() => environments.id, { onDelete: "cascade" }),
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
    environmentId: integer("environment_id").notNull().references(() => environments.id, { onDelete: "cascade" }),
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
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
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
    testRunId: integer("test_run_id").notNull().references(() => testRuns.id, { onDelete: "cascade" }),
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
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
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

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    deliveryId: text("delivery_id").notNull(),
    event: text("event").notNull(),
    action: text("action"),
    body: text("body").notNull(),
    status: text("status").$type<T.DeliveryStatus>().notNull(),
    error: text("error"),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    processedAt: integer("processed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_identity").on(t.source, t.deliveryId),
    index("webhook_deliveries_project").on(t.projectId, t.id),
    index("webhook_deliveries_status").on(t.status, t.id),
  ],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.hash), index("api_tokens_project").on(t.projectId)],
);
