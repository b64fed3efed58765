import type { AlertFact, ChecksState, DeploymentState, MoveFacts } from "../funnel/gates";

/** What Shiplane knows about one card's code, builds, releases and deployments. */
export interface ItemFacts {
  pullRequests: LinkedPullRequest[];
  builds: BuildFact[];
  releases: ReleaseFacts[];
  commits: CommitFact[];
}

export interface CommitFact {
  sha: string;
  message: string;
  author: string | null;
  branch: string | null;
  at: Date;
}

export interface LinkedPullRequest {
  number: number;
  title: string;
  url: string | null;
  state: "open" | "closed" | "merged";
  checks: ChecksState;
  headSha: string | null;
  mergeCommitSha: string | null;
  /** GitHub's "can merge without conflicts", when known. */
  mergeable: boolean | null;
  reviews: { reviewer: string; state: "approved" | "changes_requested" | "commented" | "dismissed"; at: Date }[];
}

export interface BuildFact {
  buildId: string;
  status: "queued" | "running" | "passed" | "failed" | "cancelled";
  url: string | null;
  commitSha: string;
  testsPassed: number | null;
  testsFailed: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  at: Date;
  /** Names of the failing test cases reported for this build (JUnit), the first few. */
  failingTests: string[];
}

export interface DeploymentFact {
  environment: string;
  environmentKind: string;
  slot: string | null;
  status: DeploymentState;
  at: Date;
  regression: { passed: number; failed: number } | null;
  /** The verify step's verdict, when Shiplane ran or awaited it. */
  verifyStatus: "running" | "passed" | "failed" | null;
  /** It is what its environment serves now (the active slot's newest, for blue-green). */
  serving: boolean;
}

export interface ReleaseFacts {
  version: string;
  createdAt: Date;
  deployments: DeploymentFact[];
}

export const NO_FACTS: ItemFacts = { pullRequests: [], builds: [], releases: [], commits: [] };

/** An open PR that merges cleanly, has its approvals, no change requests and green checks. */
export function goodToMerge(pr: LinkedPullRequest, requiredApprovals: number): boolean {
  const verdicts = reviewVerdicts(pr.reviews);
  return (
    pr.state === "open" &&
    pr.mergeable !== false &&
    verdicts.approvals >= requiredApprovals &&
    !verdicts.changesRequested &&
    pr.checks === "passed"
  );
}

/** A reviewer's latest verdict counts; comments do not change it and a dismissal clears it. */
export function reviewVerdicts(reviews: LinkedPullRequest["reviews"]): {
  approvals: number;
  changesRequested: boolean;
} {
  const latest = new Map<string, LinkedPullRequest["reviews"][number]["state"]>();
  for (const review of [...reviews].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (review.state === "commented") continue;
    latest.set(review.reviewer, review.state);
  }
  const verdicts = [...latest.values()];
  return {
    approvals: verdicts.filter((state) => state === "approved").length,
    changesRequested: verdicts.includes("changes_requested"),
  };
}

function newestDeployment(release: ReleaseFacts, kind: string): DeploymentFact | null {
  const matching = release.deployments.filter((d) => d.environmentKind === kind);
  return matching.length ? matching.reduce((a, b) => (b.at > a.at ? b : a)) : null;
}

/** The regression verdict of a deployment: the verify step's, else the results reported for it. */
export function verificationOf(
  deployment: Pick<DeploymentFact, "verifyStatus" | "regression">,
): "passed" | "failed" | null {
  if (deployment.verifyStatus === "passed" || deployment.verifyStatus === "failed") return deployment.verifyStatus;
  if (deployment.verifyStatus === "running" || !deployment.regression) return null;
  return deployment.regression.failed > 0 ? "failed" : "passed";
}

export function toMoveFacts(facts: ItemFacts, requiredApprovals: number, firingLiveAlerts: AlertFact[]): MoveFacts {
  return {
    requiredApprovals,
    pullRequests: facts.pullRequests.map((pr) => ({
      number: pr.number,
      state: pr.state,
      checks: pr.checks,
      ...reviewVerdicts(pr.reviews),
    })),
    releases: facts.releases.map((release) => {
      const test = newestDeployment(release, "test");
      const live = release.deployments.some((d) => d.environmentKind === "live" && d.serving);
      return {
        version: release.version,
        testDeployment: test?.status ?? null,
        verification: test ? verificationOf(test) : null,
        live,
      };
    }),
    firingLiveAlerts,
  };
}

export interface CardBadges {
  pr: {
    number: number;
    state: LinkedPullRequest["state"];
    approvals: number;
    required: number;
    changesRequested: boolean;
    checks: ChecksState;
    goodToMerge: boolean;
  } | null;
  build: { status: BuildFact["status"]; url: string | null } | null;
  release: { version: string } | null;
  tests: { passed: number; failed: number; source: "build" | "regression" } | null;
  deployment: { environment: string; status: DeploymentState } | null;
}

/** The badges a card shows: the newest PR, its newest build, the newest release and its newest deployment. */
export function cardBadges(facts: ItemFacts, requiredApprovals: number): CardBadges {
  const pr = facts.pullRequests.at(-1) ?? null;
  const build = facts.builds.length ? facts.builds.reduce((a, b) => (b.at > a.at ? b : a)) : null;
  const release = facts.releases.length ? facts.releases.reduce((a, b) => (b.createdAt > a.createdAt ? b : a)) : null;
  const deployment = release?.deployments.length ? release.deployments.reduce((a, b) => (b.at > a.at ? b : a)) : null;
  let tests: CardBadges["tests"] = null;
  if (deployment?.regression) tests = { ...deployment.regression, source: "regression" };
  else if (build && build.testsPassed !== null) {
    tests = { passed: build.testsPassed, failed: build.testsFailed ?? 0, source: "build" };
  }
  return {
    pr: pr && {
      number: pr.number,
      state: pr.state,
      checks: pr.checks,
      required: requiredApprovals,
      ...reviewVerdicts(pr.reviews),
      goodToMerge: goodToMerge(pr, requiredApprovals),
    },
    build: build && { status: build.status, url: build.url },
    release: release && { version: release.version },
    tests,
    deployment: deployment && { environment: deployment.environment, status: deployment.status },
  };
}

export interface GateStatus {
  state: "success" | "pending" | "failure";
  description: string;
}

/** The `shiplane/gates` commit status of an open PR: good to merge, waiting, or blocked and why. */
export function gateStatus(pr: LinkedPullRequest, requiredApprovals: number): GateStatus | null {
  if (pr.state !== "open") return null;
  const { approvals, changesRequested } = reviewVerdicts(pr.reviews);
  if (changesRequested) return { state: "failure", description: "A reviewer requested changes" };
  if (pr.checks === "failed") return { state: "failure", description: "Checks failed" };
  if (pr.mergeable === false) return { state: "failure", description: "Merge conflicts" };
  if (approvals < requiredApprovals)
    return { state: "pending", description: `${approvals} of ${requiredApprovals} required approvals` };
  if (pr.checks !== "passed") return { state: "pending", description: "Waiting for checks" };
  return { state: "success", description: "Good to merge: approved and green" };
}
