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

/**
 * Loads the facts behind gates and badges for one item, or for every item of a project,
 * in a fixed number of queries whatever the number of cards.
 */
export async function loadItemFacts(store: Store, projectId: number, itemId?: number): Promise<Map<number, ItemFacts>> {
  const { db, t } = store;
  const facts = new Map<number, ItemFacts>();
  const of = (id: number) => {
    let entry = facts.get(id);
    if (!entry) facts.set(id, (entry = { pullRequests: [], builds: [], releases: [], commits: [] }));
    return entry;
  };

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
  const failing = await inChunks(failedBuildIds, (ids) =>
    db
      .select({ buildId: t.testRuns.buildId, name: t.testCases.name, className: t.testCases.className })
      .from(t.testCases)
      .innerJoin(t.testRuns, eq(t.testRuns.id, t.testCases.testRunId))
      .where(and(inArray(t.testRuns.buildId, ids), eq(t.testCases.status, "failed")))
      .limit(200),
  );
  const buildFacts = builds.map(({ id, ...build }) => ({
    ...build,
    failingTests: failing
      .filter((f) => f.buildId === id)
      .slice(0, 10)
      .map((f) => (f.className ? `${f.className} › ${f.name}` : f.name)),
  }));

  for (const pr of prs) {
    const prReviews = reviews
      .filter((r) => r.pullRequestId === pr.id)
      .map(({ reviewer, state, at }) => ({ reviewer, state, at }));
    of(pr.itemId).pullRequests.push({ ...pr, reviews: prReviews });
    const prShas = [pr.headSha, pr.mergeCommitSha];
    of(pr.itemId).builds.push(...buildFacts.filter((b) => prShas.includes(b.commitSha)));
  }

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
  const runs = await inChunks(
    deployments.map((d) => d.id),
    (ids) =>
      db
        .select({ deploymentId: t.testRuns.deploymentId, passed: t.testRuns.passed, failed: t.testRuns.failed })
        .from(t.testRuns)
        .where(inArray(t.testRuns.deploymentId, ids)),
  );
  const serving = deployments.length ? await servingDeployments(store, projectId) : new Set<number>();
  const deploymentFacts = new Map<number, DeploymentFact[]>();
  for (const d of deployments) {
    const run = runs.filter((r) => r.deploymentId === d.id);
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
  return facts;
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
