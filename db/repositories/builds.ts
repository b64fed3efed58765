import { and, eq, inArray, notInArray, or } from "drizzle-orm";
import type { Store } from "../client";
import type { BuildStatus } from "../schema/shared-types";

export interface BuildReport {
  projectId: number;
  externalId: string;
  commitSha: string;
  branch: string;
  status: BuildStatus;
  url: string | null;
  testsPassed: number | null;
  testsFailed: number | null;
  testsSkipped: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Inserts a CI build or updates it by its CI id; returns its row id and previous status. */
export async function upsertBuild(
  store: Store,
  build: BuildReport,
  now: Date,
): Promise<{ id: number; previousStatus: BuildStatus | null }> {
  const b = store.t.builds;
  const [existing] = await store.db
    .select({ id: b.id, status: b.status })
    .from(b)
    .where(and(eq(b.projectId, build.projectId), eq(b.externalId, build.externalId)));
  if (existing) {
    await store.db.update(b).set(build).where(eq(b.id, existing.id));
    return { id: existing.id, previousStatus: existing.status };
  }
  const [row] = await store.db
    .insert(b)
    .values({ ...build, createdAt: now })
    .returning({ id: b.id });
  return { id: row.id, previousStatus: null };
}

export async function replaceArtifacts(
  store: Store,
  projectId: number,
  buildId: number,
  artifacts: { name: string; version: string; url: string | null }[],
): Promise<void> {
  await store.db.delete(store.t.artifacts).where(eq(store.t.artifacts.buildId, buildId));
  if (artifacts.length)
    await store.db.insert(store.t.artifacts).values(artifacts.map((a) => ({ ...a, projectId, buildId })));
}

/** The cards a commit carries: through a PR whose head or merge commit it is, or a commit that names them. */
export async function itemsForCommit(store: Store, projectId: number, sha: string): Promise<number[]> {
  const { pullRequests: pr, itemPullRequests: ipr, commits: c, itemCommits: ic } = store.t;
  const viaPr = await store.db
    .select({ itemId: ipr.itemId })
    .from(ipr)
    .innerJoin(pr, eq(pr.id, ipr.pullRequestId))
    .where(and(eq(pr.projectId, projectId), or(eq(pr.headSha, sha), eq(pr.mergeCommitSha, sha))));
  const viaCommit = await store.db
    .select({ itemId: ic.itemId })
    .from(ic)
    .innerJoin(c, eq(c.id, ic.commitId))
    .where(and(eq(c.projectId, projectId), eq(c.sha, sha)));
  return [...new Set([...viaPr, ...viaCommit].map((row) => row.itemId))];
}

/**
 * Cards whose code has reached main (a merged PR, or a commit on the main branch) and that no
 * release holds yet: what the next release adds over the previous one.
 */
export async function unreleasedMergedItems(store: Store, projectId: number, mainBranch: string): Promise<number[]> {
  const {
    pullRequests: pr,
    itemPullRequests: ipr,
    commits: c,
    itemCommits: ic,
    releaseItems: ri,
    workItems: w,
  } = store.t;
  const released = store.db.select({ itemId: ri.itemId }).from(ri);
  const viaPr = await store.db
    .select({ itemId: ipr.itemId })
    .from(ipr)
    .innerJoin(pr, eq(pr.id, ipr.pullRequestId))
    .innerJoin(w, eq(w.id, ipr.itemId))
    .where(
      and(
        eq(pr.projectId, projectId),
        eq(pr.state, "merged"),
        notInArray(ipr.itemId, released),
        inArray(w.stage, ["code", "build", "test"]),
      ),
    );
  const viaCommit = await store.db
    .select({ itemId: ic.itemId })
    .from(ic)
    .innerJoin(c, eq(c.id, ic.commitId))
    .innerJoin(w, eq(w.id, ic.itemId))
    .where(
      and(
        eq(c.projectId, projectId),
        eq(c.branch, mainBranch),
        notInArray(ic.itemId, released),
        inArray(w.stage, ["code", "build", "test"]),
      ),
    );
  return [...new Set([...viaPr, ...viaCommit].map((row) => row.itemId))];
}

export async function findReleaseByVersion(store: Store, projectId: number, version: string) {
  const r = store.t.releases;
  const [row] = await store.db
    .select({ id: r.id, version: r.version })
    .from(r)
    .where(and(eq(r.projectId, projectId), eq(r.version, version)));
  return row ?? null;
}
