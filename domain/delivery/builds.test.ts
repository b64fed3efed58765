import { describe, expect, it } from "vitest";
import { checksOfBuild, failureReason, isBuildFailure, isMainBranch } from "./builds";

describe("builds", () => {
  it("knows the main branches", () => {
    expect(isMainBranch("main")).toBe(true);
    expect(isMainBranch("refs/heads/master")).toBe(true);
    expect(isMainBranch("feature/main-menu")).toBe(false);
  });

  it("maps build states to checks", () => {
    expect([
      checksOfBuild("passed"),
      checksOfBuild("failed"),
      checksOfBuild("running"),
      checksOfBuild("cancelled"),
    ]).toEqual(["passed", "failed", "pending", "none"]);
  });

  it("writes and recognises the reason a red build leaves on a card", () => {
    expect(failureReason("812", 1)).toBe("Build 812 failed: 1 failing test.");
    expect(failureReason("812", 0)).toBe("Build 812 failed.");
    expect(isBuildFailure(failureReason("main-9", 2))).toBe(true);
    expect(isBuildFailure("Waiting for the payment provider")).toBe(false);
  });
});
