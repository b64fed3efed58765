import type { ChecksState } from "../funnel/gates";

export type BuildStatus = "queued" | "running" | "passed" | "failed" | "cancelled";

/** The branches whose green builds publish releases. */
export const MAIN_BRANCHES = ["main", "master"];

export function isMainBranch(branch: string): boolean {
  return MAIN_BRANCHES.includes(branch.replace(/^refs\/heads\//, ""));
}

/** What a CI build of a PR's head says about its checks. */
export function checksOfBuild(status: BuildStatus): ChecksState {
  if (status === "passed") return "passed";
  if (status === "failed") return "failed";
  return status === "cancelled" ? "none" : "pending";
}

/** The reason written on a card that a failed build sends back to Code. */
export function failureReason(buildId: string, failedTests: number | null | undefined): string {
  return failedTests
    ? `Build ${buildId} failed: ${failedTests} failing test${failedTests === 1 ? "" : "s"}.`
    : `Build ${buildId} failed.`;
}

/** Whether a card's flag is one a failed build put there (and a green one lifts). */
export function isBuildFailure(reason: string): boolean {
  return /^Build .+ failed(: \d+ failing tests?)?\.$/.test(reason);
}
