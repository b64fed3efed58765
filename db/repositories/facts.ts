import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { ItemFacts, DeploymentFact } from "../../domain/delivery/item-facts";
import type { AlertFact } from "../../domain/funnel/gates";
import type { Db, Store, Tables } from "../client";
import { prepared } from "../prepared";
import { listEnvironments, slotContents } from "./environments";

const CHUNK = 500;

async function inChunks<K, R>(keys: K[], load: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) out.push(...(await load(keys.slice(i, i + CHUNK))));
  return out;
}

function pullRequestsOf(t: Tables) {
  return {
    itemId: t.itemPullRequests.itemId,
    id: t.pullRequests.id,
    number: t.pullRequests.number,
    title: t.pullRequests.title,
    url: t.pullRequests.url,
    state: t.pullRequests.state,
    checks: t.pullRequests.checksState,
    headSha: t.pullRequests.headSha,
    mergeCommitSha: t.pullRequests.mergeCommitSha,
    mergeable: t.pullRequests.mergeable,
  };
}

function releasesOf(t: Tables) {
  return {
    itemId: t.releaseItems.itemId,
    id: t.releases.id,
    version: t.releases.version,
    createdAt: t.releases.createdAt,
  };
}

const pullRequestsWhere = (db: Db, t: Tables, where: SQL | undefined) =>
  db
    .select(pullRequestsOf(t))
    .from(t.itemPullRequests)
    .innerJoin(t.pullRequests, eq(t.pullRequests.id, t.itemPullRequests.pullRequestId))
    .where(where)
    .orderBy(asc(t.pullRequests.openedAt), asc(t.pullRequests.id));

const releasesWhere = (db: Db, t: Tables, where: SQL | undefined) =>
  db
    .select(releasesOf(t))
    .from(t.releaseItems)
    .innerJoin(t.releases, eq(t.releases.id, t.releaseItems.releaseId))
    .where(where)
    .orderBy(asc(t.releases.createdAt), asc(t.releases.id));

// One card's pull requests and releases: read on every move, so compiled once.
const itemPullRequests = prepared("item_pull_requests", (db, t) =>
  pullRequestsWhere(
    db,
    t,
    and(
      eq(t.pullRequests.projectId, sql.placeholder("projectId")),
      eq(t.itemPullRequests.itemId, sql.placeholder("itemId")),
    ),
  ),
);
const itemReleases = prepared("item_releases", (db, t) =>
  releasesWhere(
    db,
    t,
    and(eq(t.releases.projectId, sql.placeholder("projectId")), eq(t.releaseItems.itemId, sql.placeholder("itemId"))),
  ),
);

/** Rows grouped by a key, in their order: one pass instead of a filter per key. */
function groupBy<R, K>(rows: R[], key: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

type Facts = Map<number, ItemFacts>;

/**
 * Loads the facts behind gates and badges for one item, or for every item of a project,
 * in a fixed number of queries whatever the number of cards: one loader per kind of fact.
 */
export async function loadItemFacts(store: Store, projectId: number, itemId?: number): Promise<Facts> {
  const facts: Facts = new Map();
  const of = (id: number) => {
    let entry = facts.get(id);
    if (!entry) facts.set(id, (entry = { pullRequests: [], builds: [], releases: [], commits: [] }));
    return entry;
  };
  await loadPullRequestFacts(store, projectId, itemId, of);
  await loadReleaseFacts(store, projectId, itemId, of);
  await loadCommitFacts(store, projectId, itemId, of);
  return facts;
}

type FactsOf = (itemId: number) => ItemFacts;

/** Each card's pull requests with their reviews, and the builds of their head and merge commits. */
async function loadPullRequestFacts(store: Store, projectId: number, itemId: number | undefined, of: FactsOf) {
  const { db, t } = store;
  const prs =
    itemId !== undefined
      ? await itemPullRequests(store, { projectId, itemId })
      : await pullRequestsWhere(db, t, eq(t.pullRequests.projectId, projectId));
  const prIds = [...new Set(prs.map((pr) => pr.id))];
  const reviews = await inChunks(prIds, (ids) =>
    db
      .select({
        pullRequestId: t.reviews.pullRequestId,
        reviewer: t.reviews.reviewer,
        state: t.reviews.state,
        at: t.reviews.submittedAt,
      })
      .from(t.reviews)
      .where(inArray(t.reviews.pullRequestId, ids)),
  );
  const shas = [
    ...new Set(prs.flatMap((pr) => [pr.headSha, pr.mergeCommitSha]).filter((sha): sha is string => Boolean(sha))),
  ];
  const builds = await inChunks(shas, (chunk) =>
    db
      .select({
        id: t.builds.id,
        buildId: t.builds.externalId,
        commitSha: t.builds.commitSha,
        status: t.builds.status,
        url: t.builds.url,
        testsPassed: t.builds.testsPassed,
        testsFailed: t.builds.testsFailed,
        startedAt: t.builds.startedAt,
        finishedAt: t.builds.finishedAt,
        at: t.builds.createdAt,
      })
      .from(t.builds)
      .where(and(eq(t.builds.projectId, projectId), inArray(t.builds.commitSha, chunk))),
  );
  const failedBuildIds = builds.filter((b) => b.status === "failed").map((b) => b.id);
  const failing = groupBy(
    await inChunks(failedBuildIds, (ids) =>
      db
        .select({ buildId: t.testRuns.buildId, name: t.testCases.name, className: t.testCases.className })
        .from(t.testCases)
        .innerJoin(t.testRuns, eq(t.testRuns.id, t.testCases.testRunId))
        .where(and(inArray(t.testRuns.buildId, ids), eq(t.testCases.status, "failed")))
        .limit(200),
    ),
    (f) => f.buildId,
  );
  // Builds keep the order they were read in, whichever of a PR's commits they built.
  const buildsBySha = groupBy(
    builds.map(({ id, ...build }, index) => ({
      index,
      fact: {
        ...build,
        failingTests: (failing.get(id) ?? [])
          .slice(0, 10)
          .map((f) => (f.className ? `${f.className} › ${f.name}` : f.name)),
      },
    })),
    (b) => b.fact.commitSha,
  );
  const reviewsByPr = groupBy(reviews, (r) => r.pullRequestId);
  for (const pr of prs) {
    const prReviews = (reviewsByPr.get(pr.id) ?? []).map(({ reviewer, state, at }) => ({ reviewer, state, at }));
    of(pr.itemId).pullRequests.push({ ...pr, reviews: prReviews });
    const prBuilds = [...new Set([pr.headSha, pr.mergeCommitSha])]
      .flatMap((sha) => (sha ? (buildsBySha.get(sha) ?? []) : []))
      .sort((x, y) => x.index - y.index);
    of(pr.itemId).builds.push(...prBuilds.map((b) => b.fact));
  }
}

/** Each card's releases, with every deployment of them and its regression totals. */
async function loadReleaseFacts(store: Store, projectId: number, itemId: number | undefined, of: FactsOf) {
  const { db, t } = store;
  const releases =
    itemId !== undefined
      ? await itemReleases(store, { projectId, itemId })
      : await releasesWhere(db, t, eq(t.releases.projectId, projectId));
  const releaseIds = [...new Set(releases.map((r) => r.id))];
  const deployments = await inChunks(releaseIds, (ids) =>
    db
      .select({
        id: t.deployments.id,
        releaseId: t.deployments.releaseId,
        environment: t.environments.name,
        environmentKind: t.environments.kind,
        environmentId: t.deployments.environmentId,
        activeSlot: t.environments.activeSlot,
        slot: t.deployments.slot,
        status: t.deployments.status,
        verifyStatus: t.deployments.verifyStatus,
        at: t.deployments.queuedAt,
      })
      .from(t.deployments)
      .innerJoin(t.environments, eq(t.environments.id, t.deployments.environmentId))
      .where(inArray(t.deployments.releaseId, ids)),
  );
  const runs = groupBy(
    await inChunks(
      deployments.map((d) => d.id),
      (ids) =>
        db
          .select({ deploymentId: t.testRuns.deploymentId, passed: t.testRuns.passed, failed: t.testRuns.failed })
          .from(t.testRuns)
          .where(inArray(t.testRuns.deploymentId, ids)),
    ),
    (r) => r.deploymentId,
  );
  const serving = deployments.length ? await servingDeployments(store, projectId) : new Set<number>();
  const deploymentFacts = new Map<number, DeploymentFact[]>();
  for (const d of deployments) {
    const run = runs.get(d.id) ?? [];
    const regression = run.length
      ? { passed: run.reduce((n, r) => n + r.passed, 0), failed: run.reduce((n, r) => n + r.failed, 0) }
      : null;
    const list = deploymentFacts.get(d.releaseId) ?? [];
    list.push({
      environment: d.environment,
      environmentKind: d.environmentKind,
      slot: d.slot,
      status: d.status,
      verifyStatus: d.verifyStatus,
      at: d.at,
      regression,
      serving: serving.has(d.id),
    });
    deploymentFacts.set(d.releaseId, list);
  }
  for (const release of releases) {
    of(release.itemId).releases.push({
      version: release.version,
      createdAt: release.createdAt,
      deployments: deploymentFacts.get(release.id) ?? [],
    });
  }
}

/** The commits that name each card, oldest first. */
async function loadCommitFacts(store: Store, projectId: number, itemId: number | undefined, of: FactsOf) {
  const { db, t } = store;
  const commitFilter: SQL[] = [eq(t.commits.projectId, projectId)];
  if (itemId !== undefined) commitFilter.push(eq(t.itemCommits.itemId, itemId));
  const commits = await db
    .select({
      itemId: t.itemCommits.itemId,
      sha: t.commits.sha,
      message: t.commits.message,
      author: t.commits.author,
      branch: t.commits.branch,
      at: t.commits.committedAt,
    })
    .from(t.itemCommits)
    .innerJoin(t.commits, eq(t.commits.id, t.itemCommits.commitId))
    .where(and(...commitFilter))
    .orderBy(asc(t.commits.committedAt));
  for (const { itemId: id, ...commit } of commits) of(id).commits.push(commit);
}

/** The deployments each environment serves now: its newest successful one, on the active slot for blue-green. */
export async function servingDeployments(store: Store, projectId: number): Promise<Set<number>> {
  const [held, environments] = await Promise.all([slotContents(store, projectId), listEnvironments(store, projectId)]);
  const serving = new Set<number>();
  for (const row of held) {
    const environment = environments.find((e) => e.id === row.environmentId);
    if (!environment) continue;
    if (environment.strategy === "blue-green" ? row.slot === environment.activeSlot : row.slot === null)
      serving.add(row.deploymentId);
  }
  return serving;
}

export async function firingLiveAlerts(store: Store, projectId: number): Promise<AlertFact[]> {
  const { db, t } = store;
  return db
    .select({ name: t.alerts.name, severity: t.alerts.severity })
    .from(t.alerts)
    .innerJoin(t.environments, eq(t.environments.id, t.alerts.environmentId))
    .where(and(eq(t.alerts.projectId, projectId), eq(t.environments.kind, "live"), eq(t.alerts.status, "firing")));
}
