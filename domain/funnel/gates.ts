import { STAGE_KEYS, STAGE_NAMES, stageIndex, type StageKey } from "./stages";

/** What a gate needs to know about the card itself. */
export interface GateItem {
  kind: "idea" | "story";
  description: string;
  owner: string | null;
  needsManualQa: boolean;
  qaSignedOff: boolean;
}

export type ChecksState = "none" | "pending" | "passed" | "failed";

export interface PullRequestFact {
  number: number;
  state: "open" | "closed" | "merged";
  approvals: number;
  changesRequested: boolean;
  checks: ChecksState;
}

export type DeploymentState = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "rolled-back";

export interface ReleaseFact {
  version: string;
  /** State of the newest deployment of this release to the test environment, if any. */
  testDeployment: DeploymentState | null;
  /** Result of the regression suite against that deployment, if it ran. */
  verification: "passed" | "failed" | null;
  /** The release is what the live environment serves now (it was promoted). */
  live: boolean;
}

export interface AlertFact {
  name: string;
  severity: string;
}

/** Everything the gates read, loaded fresh inside the move's transaction. */
export interface MoveFacts {
  requiredApprovals: number;
  pullRequests: PullRequestFact[];
  releases: ReleaseFact[];
  firingLiveAlerts: AlertFact[];
}

export type MoveDirection = "same" | "forward" | "backward";

export interface MoveDecision {
  allowed: boolean;
  direction: MoveDirection;
  /** Why the move is refused, one sentence per unmet rule; empty when allowed. */
  reasons: string[];
}

export interface MoveOptions {
  reason?: string | null;
}

export const EMPTY_FACTS: MoveFacts = {
  requiredApprovals: 1,
  pullRequests: [],
  releases: [],
  firingLiveAlerts: [],
};

/**
 * Decides whether a card may move from one stage to another.
 * A forward move must pass the entry gate of every stage it enters (skipping a
 * column does not skip its gate). A backward move is rework: allowed with a reason.
 */
export function evaluateMove(
  item: GateItem,
  from: StageKey,
  to: StageKey,
  facts: MoveFacts,
  options: MoveOptions = {},
): MoveDecision {
  const direction: MoveDirection = from === to ? "same" : stageIndex(to) > stageIndex(from) ? "forward" : "backward";
  if (direction === "same") return { allowed: true, direction, reasons: [] };
  if (direction === "backward") {
    const hasReason = Boolean(options.reason && options.reason.trim());
    return {
      allowed: hasReason,
      direction,
      reasons: hasReason
        ? []
        : [`Moving back from ${STAGE_NAMES[from]} to ${STAGE_NAMES[to]} is rework: give a reason.`],
    };
  }
  const entered = STAGE_KEYS.slice(stageIndex(from) + 1, stageIndex(to) + 1);
  const reasons = entered.flatMap((stage) => entryGate(stage, item, facts));
  return { allowed: reasons.length === 0, direction, reasons };
}

/** The unmet conditions to enter one stage. */
export function entryGate(stage: StageKey, item: GateItem, facts: MoveFacts): string[] {
  switch (stage) {
    case "idea":
      return [];
    case "story":
      return item.description.trim() ? [] : ["An idea needs a description before it can become a story."];
    case "code":
      return item.owner ? [] : ["A story needs an owner before coding starts: assign someone."];
    case "build":
      return buildGate(facts);
    case "test":
      return testGate(facts);
    case "live":
      return liveGate(item, facts);
  }
}

function buildGate(facts: MoveFacts): string[] {
  if (facts.pullRequests.length === 0) {
    return ["No pull request is linked: reference the card's key in a PR's branch, title or body."];
  }
  const merged = facts.pullRequests.filter((pr) => pr.state === "merged");
  if (merged.length === 0) {
    const numbers = facts.pullRequests.map((pr) => `#${pr.number}`).join(", ");
    return [`No linked pull request is merged yet (${numbers}).`];
  }
  // Any one merged PR meeting every rule opens the gate; otherwise report the newest one.
  const problems = merged.map((pr) => pullRequestProblems(pr, facts.requiredApprovals));
  if (problems.some((list) => list.length === 0)) return [];
  return problems[problems.length - 1];
}

function pullRequestProblems(pr: PullRequestFact, required: number): string[] {
  const problems: string[] = [];
  if (pr.approvals < required) {
    problems.push(`PR #${pr.number} has ${pr.approvals} of ${required} required approvals.`);
  }
  if (pr.changesRequested) problems.push(`A reviewer requested changes on PR #${pr.number}.`);
  if (pr.checks === "failed") problems.push(`PR #${pr.number}'s checks failed.`);
  if (pr.checks === "pending") problems.push(`PR #${pr.number}'s checks are still running.`);
  if (pr.checks === "none") problems.push(`PR #${pr.number} has no check results.`);
  return problems;
}

function testGate(facts: MoveFacts): string[] {
  if (facts.releases.length === 0) {
    return ["No release contains this card's merged code yet: a green main build must publish one."];
  }
  if (facts.releases.some((release) => release.testDeployment === "succeeded")) return [];
  const newest = facts.releases[facts.releases.length - 1];
  const state = newest.testDeployment ?? "not deployed";
  return [`Release ${newest.version} is not deployed to test successfully (${state}).`];
}

/**
 * A card is Live when a release carrying it is live: promotion puts it there. Until then the
 * gate says what promotion still needs, or that it is ready to promote.
 */
function liveGate(item: GateItem, facts: MoveFacts): string[] {
  if (facts.releases.some((release) => release.live)) return [];
  const reasons: string[] = [];
  const deployed = facts.releases.filter((release) => release.testDeployment === "succeeded");
  if (deployed.length === 0) {
    reasons.push("No release of this card is deployed to test.");
  } else if (!deployed.some((release) => release.verification === "passed")) {
    const newest = deployed[deployed.length - 1];
    reasons.push(
      newest.verification === "failed"
        ? `Release ${newest.version} failed the regression suite on test.`
        : `Release ${newest.version} has not passed the regression suite on test yet.`,
    );
  }
  if (item.needsManualQa && !item.qaSignedOff) reasons.push("Manual QA is required and not signed off.");
  for (const alert of facts.firingLiveAlerts) {
    if (alert.severity === "critical") reasons.push(`Critical alert "${alert.name}" is firing on live.`);
  }
  if (reasons.length === 0) {
    const ready = deployed.filter((release) => release.verification === "passed").at(-1)!;
    reasons.push(
      `Release ${ready.version} is ready: promote it to live (drop the card on Live to confirm, or use the Releases page).`,
    );
  }
  return reasons;
}
