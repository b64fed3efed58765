import { createRequire } from "node:module";

// Loaded with require: the package is a JSON file, which ESM loaders import differently.
const examples: unknown = createRequire(import.meta.url)("@octokit/webhooks-examples");

/** Real GitHub payloads from @octokit/webhooks-examples, and a few derived from them. */

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures

export function examplesOf(event: string): Payload[] {
  const entry = (examples as unknown as { name: string; examples: Payload[] }[]).find((e) => e.name === event);
  if (!entry) throw new Error(`No examples for ${event}`);
  return entry.examples;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The "opened" pull_request example, retitled to name a card and given a head sha. */
export function openedPullRequest(number: number, title: string, headSha: string): Payload {
  const payload = clone(examplesOf("pull_request").find((p) => p.action === "opened")!);
  Object.assign(payload.pull_request, {
    number,
    title,
    body: "",
    state: "open",
    merged: false,
    merged_at: null,
    closed_at: null,
    merge_commit_sha: null,
  });
  payload.pull_request.head.sha = headSha;
  payload.pull_request.head.ref = "feature/work";
  payload.number = number;
  return payload;
}

/**
 * A merged PR. The examples have no merged pull_request: this is the real "closed" example
 * with `merged`, `merged_at` and `merge_commit_sha` set as GitHub sets them on a merge.
 */
export function mergedPullRequest(opened: Payload, mergeSha: string): Payload {
  const payload = clone(examplesOf("pull_request").find((p) => p.action === "closed")!);
  payload.pull_request = {
    ...clone(opened.pull_request),
    state: "closed",
    merged: true,
    merged_at: "2026-03-02T12:00:00Z",
    closed_at: "2026-03-02T12:00:00Z",
    updated_at: "2026-03-02T12:00:00Z",
    merge_commit_sha: mergeSha,
  };
  payload.number = opened.pull_request.number;
  return payload;
}

export function closedPullRequest(opened: Payload): Payload {
  const payload = clone(examplesOf("pull_request").find((p) => p.action === "closed")!);
  payload.pull_request = {
    ...clone(opened.pull_request),
    state: "closed",
    merged: false,
    closed_at: "2026-03-02T12:00:00Z",
  };
  return payload;
}

/**
 * An approved review. The examples' submitted reviews are "commented": this is the real one
 * with its state set to "approved", as GitHub sends an approval.
 */
export function approvedReview(opened: Payload, reviewer: string, reviewId: number): Payload {
  const payload = clone(examplesOf("pull_request_review").find((p) => p.action === "submitted")!);
  payload.review = {
    ...payload.review,
    id: reviewId,
    state: "approved",
    user: { ...payload.review.user, login: reviewer },
    submitted_at: "2026-03-02T11:00:00Z",
  };
  payload.pull_request = clone(opened.pull_request);
  return payload;
}

export function successfulCheckSuite(headSha: string): Payload {
  const payload = clone(
    examplesOf("check_suite").find((p) => p.action === "completed" && p.check_suite.conclusion === "success")!,
  );
  payload.check_suite.head_sha = headSha;
  return payload;
}
