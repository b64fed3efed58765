import { at, createdAt, flag, id, index, int, json, primaryKey, table, text, uniqueIndex } from "./kit";
import { projects, workItems } from "./funnel";
import type * as T from "../shared-types";

// The delivery pipeline behind the cards: code, builds, tests, releases, environments, deployments, alerts.
// The same text in ../sqlite/ and ../pg/: each folder's kit.ts gives the columns their dialect's types.

export const pullRequests = table(
  "pull_requests",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: int("number").notNull(),
    title: text("title").notNull(),
    branch: text("branch").notNull(),
    state: text("state").$type<T.PullRequestState>().notNull(),
    author: text("author"),
    url: text("url"),
    headSha: text("head_sha"),
    mergeCommitSha: text("merge_commit_sha"),
    mergeable: flag("mergeable"),
    checksState: text("checks_state").$type<T.ChecksState>().notNull().default("none"),
    gatesStatus: text("gates_status"),
    openedAt: at("opened_at").notNull(),
    mergedAt: at("merged_at"),
    closedAt: at("closed_at"),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [uniqueIndex("pull_requests_project_number").on(t.projectId, t.number)],
);

export const itemPullRequests = table(
  "item_pull_requests",
  {
    itemId: int("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    pullRequestId: int("pull_request_id")
      .notNull()
      .references(() => pullRequests.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.pullRequestId] }), index("item_pull_requests_pr").on(t.pullRequestId)],
);

export const commits = table(
  "commits",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    sha: text("sha").notNull(),
    message: text("message").notNull(),
    author: text("author"),
    branch: text("branch"),
    pullRequestId: int("pull_request_id").references(() => pullRequests.id, { onDelete: "set null" }),
    committedAt: at("committed_at").notNull(),
  },
  (t) => [uniqueIndex("commits_project_sha").on(t.projectId, t.sha)],
);

export const itemCommits = table(
  "item_commits",
  {
    itemId: int("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    commitId: int("commit_id")
      .notNull()
      .references(() => commits.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.commitId] }), index("item_commits_commit").on(t.commitId)],
);

export const reviews = table(
  "reviews",
  {
    id: id(),
    pullRequestId: int("pull_request_id")
      .notNull()
      .references(() => pullRequests.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    reviewer: text("reviewer").notNull(),
    state: text("state").$type<T.ReviewState>().notNull(),
    submittedAt: at("submitted_at").notNull(),
  },
  (t) => [index("reviews_pull_request").on(t.pullRequestId), uniqueIndex("reviews_external").on(t.externalId)],
);

export const builds = table(
  "builds",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    commitSha: text("commit_sha").notNull(),
    branch: text("branch").notNull(),
    status: text("status").$type<T.BuildStatus>().notNull(),
    url: text("url"),
    testsPassed: int("tests_passed"),
    testsFailed: int("tests_failed"),
    testsSkipped: int("tests_skipped"),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("builds_project_external").on(t.projectId, t.externalId),
    index("builds_commit").on(t.projectId, t.commitSha),
  ],
);

export const artifacts = table(
  "artifacts",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    buildId: int("build_id")
      .notNull()
      .references(() => builds.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    version: text("version").notNull(),
    url: text("url"),
  },
  (t) => [index("artifacts_build").on(t.buildId)],
);

export const releases = table(
  "releases",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    version: text("version").notNull(),
    buildId: int("build_id").references(() => builds.id, { onDelete: "set null" }),
    commitSha: text("commit_sha").notNull(),
    pinnedAt: at("pinned_at"),
    pinnedReason: text("pinned_reason"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("releases_project_version").on(t.projectId, t.version)],
);

export const releaseItems = table(
  "release_items",
  {
    releaseId: int("release_id")
      .notNull()
      .references(() => releases.id, { onDelete: "cascade" }),
    itemId: int("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.itemId] }), index("release_items_item").on(t.itemId)],
);

export const environments = table(
  "environments",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    position: int("position").notNull(),
    strategy: text("strategy").$type<T.EnvironmentStrategy>().notNull(),
    activeSlot: text("active_slot"),
    status: text("status").$type<T.EnvironmentStatus>().notNull().default("ready"),
    provisionLog: text("provision_log").notNull().default(""),
    config: json<T.EnvironmentConfig>("config").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("environments_project_name").on(t.projectId, t.name)],
);

export const deployments = table(
  "deployments",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    releaseId: int("release_id")
      .notNull()
      .references(() => releases.id, { onDelete: "cascade" }),
    environmentId: int("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    slot: text("slot"),
    status: text("status").$type<T.DeploymentStatus>().notNull(),
    triggeredBy: text("triggered_by").notNull(),
    log: text("log").notNull().default(""),
    queuedAt: at("queued_at").notNull(),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    purpose: text("purpose").$type<T.DeploymentPurpose>().notNull().default("deploy"),
    phase: text("phase").$type<T.DeploymentPhase>(),
    verifyStatus: text("verify_status").$type<T.StepStatus>(),
    switchStatus: text("switch_status").$type<T.StepStatus>(),
    error: text("error"),
    runner: text("runner"),
    pid: int("pid"),
    heartbeatAt: at("heartbeat_at"),
    deadlineAt: at("deadline_at"),
    cancelRequestedAt: at("cancel_requested_at"),
    callbackTokenHash: text("callback_token_hash"),
    /** What was asked: a promotion's gates and whether it was forced (and why), a rollback's target. */
    request: json<T.EventPayload>("request"),
  },
  (t) => [
    index("deployments_release").on(t.releaseId),
    index("deployments_environment").on(t.environmentId, t.slot, t.status),
    index("deployments_active").on(t.finishedAt, t.status),
  ],
);

/** One row per environment schedule and due time: the unique key makes a job fire once across instances. */
export const scheduleRuns = table(
  "schedule_runs",
  {
    id: id(),
    environmentId: int("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    dueAt: at("due_at").notNull(),
    claimedBy: text("claimed_by").notNull(),
    claimedAt: at("claimed_at").notNull(),
    deploymentId: int("deployment_id"),
    outcome: text("outcome").notNull(),
  },
  (t) => [uniqueIndex("schedule_runs_slot").on(t.environmentId, t.dueAt)],
);

export const testRuns = table(
  "test_runs",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    suite: text("suite").notNull(),
    buildId: int("build_id").references(() => builds.id, { onDelete: "cascade" }),
    deploymentId: int("deployment_id").references(() => deployments.id, { onDelete: "cascade" }),
    commitSha: text("commit_sha"),
    passed: int("passed").notNull(),
    failed: int("failed").notNull(),
    skipped: int("skipped").notNull(),
    flaky: int("flaky").notNull().default(0),
    durationMs: int("duration_ms").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("test_runs_build").on(t.buildId), index("test_runs_deployment").on(t.deploymentId)],
);

export const testCases = table(
  "test_cases",
  {
    id: id(),
    testRunId: int("test_run_id")
      .notNull()
      .references(() => testRuns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    className: text("class_name"),
    status: text("status").notNull(),
    durationMs: int("duration_ms").notNull().default(0),
    message: text("message"),
    flaky: flag("flaky").notNull().default(false),
  },
  (t) => [index("test_cases_run").on(t.testRunId)],
);

export const alerts = table(
  "alerts",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    environmentId: int("environment_id").references(() => environments.id, { onDelete: "set null" }),
    fingerprint: text("fingerprint").notNull(),
    name: text("name").notNull(),
    status: text("status").notNull(),
    severity: text("severity").notNull(),
    labels: json<T.AlertLabels>("labels").notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at"),
    annotations: json<T.AlertLabels>("annotations").notNull().default({}),
    generatorUrl: text("generator_url"),
    updatedAt: at("updated_at"),
  },
  (t) => [
    uniqueIndex("alerts_identity").on(t.projectId, t.fingerprint, t.startsAt),
    index("alerts_firing").on(t.projectId, t.status),
    index("alerts_environment").on(t.environmentId, t.startsAt),
  ],
);
