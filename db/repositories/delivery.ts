import { eq } from "drizzle-orm";
import type { Store } from "../client";

/** Inserts for the delivery records (PRs, builds, releases, deployments, test runs, alerts). */

type Insert<K extends keyof Store["t"]> = Store["t"][K] extends { $inferInsert: infer I } ? I : never;

export async function insertPullRequest(store: Store, pr: Insert<"pullRequests">) {
  const [row] = await store.db.insert(store.t.pullRequests).values(pr).returning({ id: store.t.pullRequests.id });
  return row.id;
}

export async function insertReview(store: Store, review: Insert<"reviews">) {
  await store.db.insert(store.t.reviews).values(review);
}

export async function insertBuild(store: Store, build: Insert<"builds">) {
  const [row] = await store.db.insert(store.t.builds).values(build).returning({ id: store.t.builds.id });
  return row.id;
}

export async function insertArtifact(store: Store, artifact: Insert<"artifacts">) {
  await store.db.insert(store.t.artifacts).values(artifact);
}

export async function insertRelease(store: Store, release: Insert<"releases">, itemIds: number[]) {
  const [row] = await store.db.insert(store.t.releases).values(release).returning({ id: store.t.releases.id });
  if (itemIds.length)
    await store.db.insert(store.t.releaseItems).values(itemIds.map((itemId) => ({ releaseId: row.id, itemId })));
  return row.id;
}

export async function insertDeployment(store: Store, deployment: Insert<"deployments">) {
  const [row] = await store.db.insert(store.t.deployments).values(deployment).returning({ id: store.t.deployments.id });
  return row.id;
}

export async function insertTestRun(store: Store, run: Insert<"testRuns">) {
  const [row] = await store.db.insert(store.t.testRuns).values(run).returning({ id: store.t.testRuns.id });
  return row.id;
}

export async function markPullRequestMerged(store: Store, id: number, mergeCommitSha: string, at: Date) {
  const pr = store.t.pullRequests;
  await store.db
    .update(pr)
    .set({ state: "merged", mergeCommitSha, mergedAt: at, closedAt: at, updatedAt: at })
    .where(eq(pr.id, id));
}
