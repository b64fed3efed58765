import { describe, expect, it } from "vitest";
import {
  cardBadges,
  gateStatus,
  goodToMerge,
  reviewVerdicts,
  toMoveFacts,
  type ItemFacts,
  type LinkedPullRequest,
} from "./item-facts";

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));

describe("review verdicts", () => {
  it("counts each reviewer's latest verdict, ignoring comments", () => {
    expect(
      reviewVerdicts([
        { reviewer: "bo", state: "changes_requested", at: at(1) },
        { reviewer: "bo", state: "approved", at: at(3) },
        { reviewer: "cy", state: "approved", at: at(2) },
        { reviewer: "cy", state: "commented", at: at(4) },
        { reviewer: "di", state: "approved", at: at(1) },
        { reviewer: "di", state: "dismissed", at: at(5) },
      ]),
    ).toEqual({ approvals: 2, changesRequested: false });
  });
});

describe("facts to gates and badges", () => {
  const facts: ItemFacts = {
    pullRequests: [
      {
        number: 3,
        title: "SL-1",
        url: null,
        state: "merged",
        checks: "passed",
        headSha: "aaa",
        mergeCommitSha: "bbb",
        mergeable: true,
        reviews: [{ reviewer: "bo", state: "approved", at: at(1) }],
      },
    ],
    builds: [
      {
        buildId: "1",
        status: "failed",
        url: null,
        commitSha: "aaa",
        testsPassed: 10,
        testsFailed: 2,
        startedAt: null,
        finishedAt: null,
        at: at(1),
        failingTests: ["cart › pays"],
      },
      {
        buildId: "2",
        status: "passed",
        url: "https://ci/2",
        commitSha: "bbb",
        testsPassed: 12,
        testsFailed: 0,
        startedAt: null,
        finishedAt: null,
        at: at(2),
        failingTests: [],
      },
    ],
    commits: [],
    releases: [
      {
        version: "1.0.0",
        createdAt: at(3),
        deployments: [
          {
            environment: "test",
            environmentKind: "test",
            slot: null,
            status: "failed",
            at: at(4),
            regression: null,
            verifyStatus: null,
            serving: false,
          },
          {
            environment: "test",
            environmentKind: "test",
            slot: null,
            status: "succeeded",
            at: at(5),
            regression: { passed: 30, failed: 1 },
            verifyStatus: null,
            serving: true,
          },
        ],
      },
    ],
  };

  it("derives the gates' facts from the newest test deployment", () => {
    expect(toMoveFacts(facts, 1, [])).toEqual({
      requiredApprovals: 1,
      pullRequests: [{ number: 3, state: "merged", checks: "passed", approvals: 1, changesRequested: false }],
      releases: [{ version: "1.0.0", testDeployment: "succeeded", verification: "failed", live: false }],
      firingLiveAlerts: [],
    });
  });

  it("shows the newest build, release, deployment and its regression results", () => {
    expect(cardBadges(facts, 2)).toEqual({
      pr: {
        number: 3,
        state: "merged",
        checks: "passed",
        approvals: 1,
        required: 2,
        changesRequested: false,
        goodToMerge: false,
      },
      build: { status: "passed", url: "https://ci/2" },
      release: { version: "1.0.0" },
      tests: { passed: 30, failed: 1, source: "regression" },
      deployment: { environment: "test", status: "succeeded" },
    });
  });
});

describe("good to merge", () => {
  const pr = {
    number: 4,
    title: "",
    url: null,
    state: "open" as const,
    checks: "passed" as const,
    headSha: null,
    mergeCommitSha: null,
    mergeable: true,
    reviews: [{ reviewer: "bo", state: "approved" as const, at: at(1) }],
  };
  it("needs an open, mergeable PR with its approvals, no change requests and green checks", () => {
    expect(goodToMerge(pr, 1)).toBe(true);
    expect(goodToMerge(pr, 2)).toBe(false);
    expect(goodToMerge({ ...pr, checks: "pending" }, 1)).toBe(false);
    expect(goodToMerge({ ...pr, mergeable: false }, 1)).toBe(false);
    expect(goodToMerge({ ...pr, mergeable: null }, 1)).toBe(true);
    expect(goodToMerge({ ...pr, state: "merged" }, 1)).toBe(false);
    expect(
      goodToMerge({ ...pr, reviews: [...pr.reviews, { reviewer: "cy", state: "changes_requested", at: at(2) }] }, 1),
    ).toBe(false);
  });
});

describe("the shiplane/gates status", () => {
  const pr: LinkedPullRequest = {
    number: 4,
    title: "",
    url: null,
    state: "open" as const,
    checks: "passed" as const,
    headSha: "h",
    mergeCommitSha: null,
    mergeable: true,
    reviews: [{ reviewer: "bo", state: "approved" as const, at: at(1) }],
  };
  it.each<[LinkedPullRequest, number, string]>([
    [pr, 1, "success"],
    [pr, 2, "pending"],
    [{ ...pr, checks: "pending" as const }, 1, "pending"],
    [{ ...pr, checks: "failed" as const }, 1, "failure"],
    [{ ...pr, mergeable: false }, 1, "failure"],
    [{ ...pr, reviews: [{ reviewer: "cy", state: "changes_requested" as const, at: at(2) }] }, 1, "failure"],
  ])("%#", (given, required, state) => {
    expect(gateStatus(given, required)?.state).toBe(state);
  });
  it("says nothing about merged or closed PRs", () => {
    expect(gateStatus({ ...pr, state: "merged" }, 1)).toBeNull();
  });
});
