import { and, eq, inArray } from "drizzle-orm";
import { namesNothing, type Store } from "../client";
import { seal, unseal } from "../secrets";
import type { ChecksState, PullRequestState, ReviewState } from "../schema/shared-types";

/** Pull requests, reviews and commits as GitHub reports them. */

export interface PullRequestUpsert {
  projectId: number;
  number: number;
  title: string;
  branch: string;
  state: PullRequestState;
  author: string | null;
  url: string | null;
  headSha: string | null;
  mergeCommitSha: string | null;
  mergeable: boolean | null;
  openedAt: Date;
  mergedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

/** Inserts or updates a PR by its number; returns its id and the state it had before (null if new). */
export async function upsertPullRequest(
  store: Store,
  pr: PullRequestUpsert,
): Promise<{ id: number; previousState: PullRequestState | null }> {
  const t = store.t.pullRequests;
  const [existing] = await store.db
    .select({ id: t.id, state: t.state, updatedAt: t.updatedAt })
    .from(t)
    .where(and(eq(t.projectId, pr.projectId), eq(t.number, pr.number)));
  if (existing) {
    // Deliveries can arrive out of order: an older snapshot of the PR never overwrites a newer one.
    if (existing.updatedAt > pr.updatedAt) return { id: existing.id, previousState: existing.state };
    await store.db.update(t).set(pr).where(eq(t.id, existing.id));
    return { id: existing.id, previousState: existing.state };
  }
  const [row] = await store.db.insert(t).values(pr).returning({ id: t.id });
  return { id: row.id, previousState: null };
}

/** Sets the checks state of every PR of the project whose head (or merge commit) is `sha`; returns their ids. */
export async function setChecksForSha(
  store: Store,
  projectId: number,
  sha: string,
  checks: ChecksState,
): Promise<number[]> {
  const t = store.t.pullRequests;
  const byHead = await store.db
    .update(t)
    .set({ checksState: checks })
    .where(and(eq(t.projectId, projectId), eq(t.headSha, sha)))
    .returning({ id: t.id });
  return byHead.map((row) => row.id);
}

export async function linkedItemIds(store: Store, pullRequestIds: number[]): Promise<number[]> {
  if (pullRequestIds.length === 0) return [];
  const l = store.t.itemPullRequests;
  const rows = await store.db.select({ itemId: l.itemId }).from(l).where(inArray(l.pullRequestId, pullRequestIds));
  return [...new Set(rows.map((row) => row.itemId))];
}

/** Links an item to a PR; true when the link is new. */
export async function linkItemToPullRequest(store: Store, itemId: number, pullRequestId: number): Promise<boolean> {
  const rows = await store.db
    .insert(store.t.itemPullRequests)
    .values({ itemId, pullRequestId })
    .onConflictDoNothing()
    .returning({ itemId: store.t.itemPullRequests.itemId });
  return rows.length > 0;
}

/** Records a review once (GitHub's review id); true when it is new. */
export async function insertReviewOnce(
  store: Store,
  review: { pullRequestId: number; externalId: string; reviewer: string; state: ReviewState; submittedAt: Date },
): Promise<boolean> {
  const rows = await store.db
    .insert(store.t.reviews)
    .values(review)
    .onConflictDoNothing()
    .returning({ id: store.t.reviews.id });
  return rows.length > 0;
}

/** Stores a commit once; returns its id and whether it is new. */
export async function insertCommitOnce(
  store: Store,
  commit: {
    projectId: number;
    sha: string;
    message: string;
    author: string | null;
    branch: string | null;
    committedAt: Date;
  },
): Promise<{ id: number; created: boolean }> {
  const t = store.t.commits;
  const inserted = await store.db.insert(t).values(commit).onConflictDoNothing().returning({ id: t.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [row] = await store.db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.projectId, commit.projectId), eq(t.sha, commit.sha)));
  return { id: row.id, created: false };
}

/** Links an item to a commit; true when the link is new. */
export async function linkItemToCommit(store: Store, itemId: number, commitId: number): Promise<boolean> {
  const rows = await store.db
    .insert(store.t.itemCommits)
    .values({ itemId, commitId })
    .onConflictDoNothing()
    .returning({ itemId: store.t.itemCommits.itemId });
  return rows.length > 0;
}

export async function findWebhookSecret(store: Store, projectId: number): Promise<string | null> {
  const p = store.t.projects;
  const [row] = await store.db.select({ secret: p.webhookSecret }).from(p).where(eq(p.id, projectId));
  if (row) row.secret = unseal(row.secret);
  return row?.secret ?? null;
}

export async function findPullRequestById(store: Store, id: number) {
  const t = store.t.pullRequests;
  const [row] = await store.db.select({ id: t.id, number: t.number, state: t.state }).from(t).where(eq(t.id, id));
  return row ?? null;
}

export async function setWebhookSecret(store: Store, projectId: number, secret: string): Promise<void> {
  const p = store.t.projects;
  await store.db
    .update(p)
    .set({ webhookSecret: seal(secret) })
    .where(eq(p.id, projectId));
}

export async function findGithubAccess(
  store: Store,
  projectId: number,
): Promise<{ repo: string | null; token: string | null } | null> {
  const p = store.t.projects;
  const [row] = await store.db.select({ repo: p.repo, token: p.githubToken }).from(p).where(eq(p.id, projectId));
  if (row) row.token = unseal(row.token);
  return row ?? null;
}

export async function setGithubToken(store: Store, projectId: number, token: string | null): Promise<void> {
  const p = store.t.projects;
  await store.db
    .update(p)
    .set({ githubToken: seal(token) })
    .where(eq(p.id, projectId));
}

/** PRs with their reviews, as the gate status needs them, and the status last posted for each. */
export async function pullRequestsForStatus(store: Store, ids: number[]) {
  if (ids.length === 0) return [];
  const t = store.t.pullRequests;
  const r = store.t.reviews;
  const prs = await store.db
    .select({
      id: t.id,
      number: t.number,
      title: t.title,
      url: t.url,
      state: t.state,
      checks: t.checksState,
      headSha: t.headSha,
      mergeCommitSha: t.mergeCommitSha,
      mergeable: t.mergeable,
      gatesStatus: t.gatesStatus,
    })
    .from(t)
    .where(inArray(t.id, ids));
  const reviews = await store.db
    .select({ pullRequestId: r.pullRequestId, reviewer: r.reviewer, state: r.state, at: r.submittedAt })
    .from(r)
    .where(inArray(r.pullRequestId, ids));
  return prs.map((pr) => ({ ...pr, reviews: reviews.filter((review) => review.pullRequestId === pr.id) }));
}

export async function setGatesStatus(store: Store, id: number, posted: string): Promise<void> {
  const t = store.t.pullRequests;
  await store.db.update(t).set({ gatesStatus: posted }).where(eq(t.id, id));
}

/** What a webhook delivery needs to know of its project, in one query. */
export async function findProjectForWebhook(
  store: Store,
  slug: string,
): Promise<{ id: number; secret: string | null } | null> {
  if (namesNothing(slug)) return null;
  const p = store.t.projects;
  const [row] = await store.db.select({ id: p.id, secret: p.webhookSecret }).from(p).where(eq(p.slug, slug));
  if (row) row.secret = unseal(row.secret);
  return row ?? null;
}
