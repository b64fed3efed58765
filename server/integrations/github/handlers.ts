import type { Store } from "../../../db/client";
import {
  findPullRequestById,
  insertCommitOnce,
  insertReviewOnce,
  linkedItemIds,
  linkItemToCommit,
  linkItemToPullRequest,
  setChecksForSha,
  upsertPullRequest,
} from "../../../db/repositories/github";
import { findItemByNumber } from "../../../db/repositories/items";
import type { ProjectRecord } from "../../../db/repositories/projects";
import { findItemReferences } from "../../../domain/delivery/references";
import { webUrlOrNull } from "../../../domain/web-url";
import type { ChecksState } from "../../../domain/funnel/gates";
import type { StageKey } from "../../../domain/funnel/stages";
import type { RecordEvent } from "../../unit-of-work";
import type {
  CheckRunEvent,
  CheckSuiteEvent,
  PullRequestEvent,
  PullRequestReviewEvent,
  PushEvent,
  StatusEvent,
  WorkflowRunEvent,
} from "@octokit/webhooks-types";

/** What processing asks for after its writes commit: cards to move through their gates, cards to flag. */
export interface Followups {
  advance: { itemId: number; to: StageKey; ownerIfNone?: string | null }[];
  flag: { itemId: number; reason: string }[];
  /** Flags to lift when the cause is gone (a closed PR reopened). */
  unflag: { itemId: number; reason: string }[];
  /** PRs whose gate state may have changed (for the shiplane/gates commit status). */
  pullRequests: Set<number>;
}

export interface HandlerContext {
  store: Store;
  project: ProjectRecord;
  record: RecordEvent;
  now: Date;
  followups: Followups;
}

/** A PR as pull_request events carry it, or as reviews carry it (without `merged` and `mergeable`). */
type PullRequest = PullRequestEvent["pull_request"] | PullRequestReviewEvent["pull_request"];

export const ACTOR = "integration:github";

async function referencedItems(ctx: HandlerContext, text: string) {
  const items = [];
  for (const number of findItemReferences(text, ctx.project.keyPrefix)) {
    const item = await findItemByNumber(ctx.store, ctx.project.id, number);
    if (item && item.stage !== "rejected") items.push(item);
  }
  return items;
}

const date = (value: unknown, fallback: Date) => (typeof value === "string" && value ? new Date(value) : fallback);

function prState(pr: PullRequest): "open" | "closed" | "merged" {
  return pr.merged_at ? "merged" : pr.state === "closed" ? "closed" : "open";
}

/** Stores the PR as GitHub describes it and links the cards its branch, title or body name. */
async function savePullRequest(ctx: HandlerContext, pr: PullRequest, action: string): Promise<number> {
  const state = prState(pr);
  const { id } = await upsertPullRequest(ctx.store, {
    projectId: ctx.project.id,
    number: pr.number,
    title: pr.title ?? "",
    branch: pr.head?.ref ?? "",
    state,
    author: pr.user?.login ?? null,
    // Shown as a link: an address that is not http(s) is not kept.
    url: webUrlOrNull(pr.html_url),
    headSha: pr.head?.sha ?? null,
    mergeCommitSha: state === "merged" ? (pr.merge_commit_sha ?? null) : null,
    mergeable: "mergeable" in pr && typeof pr.mergeable === "boolean" ? pr.mergeable : null,
    openedAt: date(pr.created_at, ctx.now),
    mergedAt: pr.merged_at ? new Date(pr.merged_at) : null,
    closedAt: pr.closed_at ? new Date(pr.closed_at) : null,
    updatedAt: date(pr.updated_at, ctx.now),
  });
  // New commits on the head: its checks start again.
  if (action === "synchronize") await setChecksForSha(ctx.store, ctx.project.id, pr.head.sha, "pending");
  for (const item of await referencedItems(ctx, `${pr.head?.ref ?? ""}\n${pr.title ?? ""}\n${pr.body ?? ""}`)) {
    if (await linkItemToPullRequest(ctx.store, item.id, id)) {
      await ctx.record({ itemId: item.id, type: "item.linked", actor: ACTOR, payload: { pr: pr.number } });
    }
  }
  return id;
}

export async function onPullRequest(ctx: HandlerContext, payload: PullRequestEvent): Promise<void> {
  const pr = payload.pull_request;
  const state = prState(pr);
  const id = await savePullRequest(ctx, pr, payload.action);
  ctx.followups.pullRequests.add(id);
  const type =
    state === "merged"
      ? "pr.merged"
      : state === "closed"
        ? "pr.closed"
        : payload.action === "opened" || payload.action === "reopened"
          ? "pr.opened"
          : "pr.updated";
  for (const itemId of await linkedItemIds(ctx.store, [id])) {
    await ctx.record({
      itemId,
      type,
      actor: ACTOR,
      payload: { number: pr.number, title: pr.title, action: payload.action },
    });
    if (state === "open") ctx.followups.advance.push({ itemId, to: "code", ownerIfNone: pr.user?.login ?? null });
    if (state === "merged") ctx.followups.advance.push({ itemId, to: "build" });
    const closedReason = `PR #${pr.number} was closed without merging.`;
    if (state === "closed") ctx.followups.flag.push({ itemId, reason: closedReason });
    else ctx.followups.unflag.push({ itemId, reason: closedReason });
  }
}

const REVIEW_STATES: Record<string, "approved" | "changes_requested" | "commented" | "dismissed"> = {
  approved: "approved",
  changes_requested: "changes_requested",
  commented: "commented",
  dismissed: "dismissed",
};

export async function onPullRequestReview(ctx: HandlerContext, payload: PullRequestReviewEvent): Promise<void> {
  const review = payload.review;
  const pr = payload.pull_request;
  const state = payload.action === "dismissed" ? "dismissed" : REVIEW_STATES[String(review.state).toLowerCase()];
  if (!state) return;
  const prRow = await savePullRequest(ctx, pr, "review");
  ctx.followups.pullRequests.add(prRow);
  const created = await insertReviewOnce(ctx.store, {
    pullRequestId: prRow,
    externalId: `${review.id}:${state}`,
    reviewer: review.user?.login ?? "unknown",
    state,
    submittedAt: date(review.submitted_at, ctx.now),
  });
  if (!created) return;
  // The review's snapshot of the PR may predate its merge: what is stored now decides.
  const merged = (await findPullRequestById(ctx.store, prRow))?.state === "merged";
  for (const itemId of await linkedItemIds(ctx.store, [prRow])) {
    await ctx.record({
      itemId,
      type: "pr.reviewed",
      actor: ACTOR,
      payload: { number: pr.number, reviewer: review.user?.login, state },
    });
    if (merged) ctx.followups.advance.push({ itemId, to: "build" });
  }
}

const PASSED = new Set(["success", "neutral", "skipped"]);

function checksFrom(status: string | null | undefined, conclusion: string | null | undefined): ChecksState {
  if (status && status !== "completed") return "pending";
  if (!conclusion) return "pending";
  return PASSED.has(conclusion) ? "passed" : "failed";
}

/** check_suite, check_run, workflow_run and status: the checks of a commit, for the PRs whose head it is. */
export type ChecksEvent =
  | { name: "check_suite"; payload: CheckSuiteEvent }
  | { name: "check_run"; payload: CheckRunEvent }
  | { name: "workflow_run"; payload: WorkflowRunEvent }
  | { name: "status"; payload: StatusEvent };

export async function onChecks(ctx: HandlerContext, check: ChecksEvent): Promise<void> {
  const event = check.name;
  let sha: string | undefined;
  let checks: ChecksState;
  if (check.name === "status") {
    sha = check.payload.sha;
    checks = check.payload.state === "success" ? "passed" : check.payload.state === "pending" ? "pending" : "failed";
  } else {
    const run =
      check.name === "check_suite"
        ? check.payload.check_suite
        : check.name === "check_run"
          ? check.payload.check_run
          : check.payload.workflow_run;
    sha = run.head_sha;
    checks = checksFrom(run.status, run.conclusion);
  }
  if (!sha) return;
  const prIds = await setChecksForSha(ctx.store, ctx.project.id, sha, checks);
  for (const id of prIds) ctx.followups.pullRequests.add(id);
  for (const prId of prIds) {
    const pr = await findPullRequestById(ctx.store, prId);
    for (const itemId of await linkedItemIds(ctx.store, [prId])) {
      await ctx.record({
        itemId,
        type: "pr.updated",
        actor: ACTOR,
        payload: { number: pr?.number, checks, source: event },
      });
      if (checks === "passed" && pr?.state === "merged") ctx.followups.advance.push({ itemId, to: "build" });
    }
  }
}

export async function onPush(ctx: HandlerContext, payload: PushEvent): Promise<void> {
  // Tags are pushed too; only a branch push has a branch.
  const branch =
    typeof payload.ref === "string" && payload.ref.startsWith("refs/heads/")
      ? payload.ref.slice("refs/heads/".length)
      : null;
  for (const commit of payload.commits ?? []) {
    const { id } = await insertCommitOnce(ctx.store, {
      projectId: ctx.project.id,
      sha: commit.id,
      message: commit.message ?? "",
      author: commit.author?.username ?? commit.author?.name ?? null,
      branch,
      committedAt: date(commit.timestamp, ctx.now),
    });
    for (const item of await referencedItems(ctx, commit.message ?? "")) {
      if (await linkItemToCommit(ctx.store, item.id, id)) {
        await ctx.record({
          itemId: item.id,
          type: "item.linked",
          actor: ACTOR,
          payload: { commit: commit.id, branch },
        });
      }
    }
  }
}
