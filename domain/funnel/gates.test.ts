import { describe, expect, it } from "vitest";
import {
  EMPTY_FACTS,
  evaluateMove,
  type GateItem,
  type MoveFacts,
  type PullRequestFact,
  type ReleaseFact,
} from "./gates";
import type { StageKey } from "./stages";

const item: GateItem = {
  kind: "story",
  description: "Why and what",
  owner: "ana",
  needsManualQa: false,
  qaSignedOff: false,
};
const greenPr: PullRequestFact = {
  number: 7,
  state: "merged",
  approvals: 1,
  changesRequested: false,
  checks: "passed",
};
const deployed: ReleaseFact = { version: "1.4.0", testDeployment: "succeeded", verification: "passed", live: false };
const promoted: ReleaseFact = { ...deployed, live: true };
const facts = (over: Partial<MoveFacts>): MoveFacts => ({ ...EMPTY_FACTS, ...over });

type Row = [string, Partial<GateItem>, StageKey, StageKey, Partial<MoveFacts>, boolean, RegExp | null];

const rows: Row[] = [
  ["same column is a reorder", {}, "code", "code", {}, true, null],
  ["idea with description becomes a story", { kind: "idea" }, "idea", "story", {}, true, null],
  ["idea without description", { kind: "idea", description: "  " }, "idea", "story", {}, false, /needs a description/],
  ["story with owner enters code", {}, "story", "code", {}, true, null],
  ["story without owner", { owner: null }, "story", "code", {}, false, /needs an owner/],
  ["skipping a column checks its gate too", { owner: null }, "idea", "code", {}, false, /needs an owner/],
  ["no PR", {}, "code", "build", {}, false, /No pull request is linked/],
  [
    "open PR",
    {},
    "code",
    "build",
    { pullRequests: [{ ...greenPr, state: "open" }] },
    false,
    /No linked pull request is merged yet \(#7\)/,
  ],
  [
    "missing approval",
    {},
    "code",
    "build",
    { pullRequests: [{ ...greenPr, approvals: 0 }] },
    false,
    /0 of 1 required approvals/,
  ],
  ["two approvals required", {}, "code", "build", { requiredApprovals: 2, pullRequests: [greenPr] }, false, /1 of 2/],
  [
    "changes requested",
    {},
    "code",
    "build",
    { pullRequests: [{ ...greenPr, changesRequested: true }] },
    false,
    /requested changes/,
  ],
  ["red checks", {}, "code", "build", { pullRequests: [{ ...greenPr, checks: "failed" }] }, false, /checks failed/],
  [
    "pending checks",
    {},
    "code",
    "build",
    { pullRequests: [{ ...greenPr, checks: "pending" }] },
    false,
    /still running/,
  ],
  ["merged, approved, green", {}, "code", "build", { pullRequests: [greenPr] }, true, null],
  [
    "any one good PR opens the gate",
    {},
    "code",
    "build",
    { pullRequests: [{ ...greenPr, number: 6, checks: "failed" }, greenPr] },
    true,
    null,
  ],
  ["no release", {}, "build", "test", {}, false, /No release contains/],
  [
    "release not deployed",
    {},
    "build",
    "test",
    { releases: [{ ...deployed, testDeployment: null }] },
    false,
    /not deployed to test successfully \(not deployed\)/,
  ],
  [
    "release failed to deploy",
    {},
    "build",
    "test",
    { releases: [{ ...deployed, testDeployment: "failed" }] },
    false,
    /\(failed\)/,
  ],
  ["release deployed to test", {}, "build", "test", { releases: [deployed] }, true, null],
  [
    "verified release waits for promotion",
    {},
    "test",
    "live",
    { releases: [deployed] },
    false,
    /Release 1.4.0 is ready: promote it/,
  ],
  ["promoted release's card enters live", {}, "test", "live", { releases: [promoted] }, true, null],
  [
    "regression not run",
    {},
    "test",
    "live",
    { releases: [{ ...deployed, verification: null }] },
    false,
    /has not passed the regression/,
  ],
  [
    "regression failed",
    {},
    "test",
    "live",
    { releases: [{ ...deployed, verification: "failed" }] },
    false,
    /failed the regression suite/,
  ],
  ["manual QA missing", { needsManualQa: true }, "test", "live", { releases: [deployed] }, false, /Manual QA/],
  [
    "manual QA signed off",
    { needsManualQa: true, qaSignedOff: true },
    "test",
    "live",
    { releases: [deployed] },
    false,
    /ready: promote/,
  ],
  [
    "critical alert on live",
    {},
    "test",
    "live",
    { releases: [deployed], firingLiveAlerts: [{ name: "HighErrorRate", severity: "critical" }] },
    false,
    /"HighErrorRate" is firing/,
  ],
  [
    "a warning does not block",
    {},
    "test",
    "live",
    { releases: [deployed], firingLiveAlerts: [{ name: "DiskFilling", severity: "warning" }] },
    false,
    /ready: promote/,
  ],
];

describe("evaluateMove", () => {
  it.each(rows)("%s", (_name, itemOver, from, to, factsOver, allowed, reason) => {
    const decision = evaluateMove({ ...item, ...itemOver }, from, to, facts(factsOver));
    expect(decision.allowed).toBe(allowed);
    if (reason) expect(decision.reasons.join(" ")).toMatch(reason);
    else expect(decision.reasons).toEqual([]);
  });

  it("treats a backward move as rework that needs a reason", () => {
    expect(evaluateMove(item, "build", "code", EMPTY_FACTS)).toMatchObject({ allowed: false, direction: "backward" });
    expect(evaluateMove(item, "build", "code", EMPTY_FACTS, { reason: "  " }).allowed).toBe(false);
    expect(evaluateMove(item, "build", "code", EMPTY_FACTS, { reason: "Build broke" })).toEqual({
      allowed: true,
      direction: "backward",
      reasons: [],
    });
  });

  it("lists every unmet rule of a gate", () => {
    const decision = evaluateMove(
      { ...item, needsManualQa: true },
      "test",
      "live",
      facts({ firingLiveAlerts: [{ name: "Down", severity: "critical" }] }),
    );
    expect(decision.reasons).toHaveLength(3);
  });
});
