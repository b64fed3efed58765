import { describe, expect, it } from "vitest";
import { rollbackPlan, rollbackTarget, type ServedStretch } from "./rollback";

const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const stretch = (deploymentId: number, releaseId: number, verified = true, rolledBack = false): ServedStretch => ({
  deploymentId,
  releaseId,
  version: `1.${releaseId}.0`,
  verified,
  rolledBack,
  from: at(deploymentId),
});

describe("the rollback target", () => {
  it("is the release served before the current one, live until the current one replaced it", () => {
    const decision = rollbackTarget("live", [stretch(1, 1), stretch(2, 2), stretch(3, 3)]);
    expect(decision).toMatchObject({ ok: true, current: { releaseId: 3 }, target: { releaseId: 2 }, liveUntil: at(3) });
  });

  it("skips redeployments of the current release", () => {
    const decision = rollbackTarget("live", [stretch(1, 1), stretch(2, 2), stretch(3, 2)]);
    expect(decision).toMatchObject({
      ok: true,
      current: { deploymentId: 3 },
      target: { releaseId: 1 },
      liveUntil: at(2),
    });
  });

  it("after a rollback, goes back further, never forward to the release rolled back", () => {
    // 1 → 2 → 3, rolled back to 2: the next rollback goes to 1.
    const decision = rollbackTarget("live", [stretch(1, 1), stretch(2, 2), stretch(3, 3, true, true), stretch(4, 2)]);
    expect(decision).toMatchObject({ ok: true, target: { releaseId: 1 }, liveUntil: at(2) });
  });

  it("is refused, with the reason, when nothing was served before", () => {
    expect(rollbackTarget("live", [])).toEqual({ ok: false, reason: expect.stringMatching(/serves no release yet/) });
    expect(rollbackTarget("live", [stretch(1, 1), stretch(2, 1)])).toEqual({
      ok: false,
      reason: expect.stringMatching(/has served no release before 1\.1\.0/),
    });
  });

  it("is refused when the release served before was never verified there", () => {
    expect(rollbackTarget("live", [stretch(1, 1, false), stretch(2, 2)])).toEqual({
      ok: false,
      reason: expect.stringMatching(/1\.1\.0, which live served before 1\.2\.0, was never verified there/),
    });
  });
});

describe("the rollback plan", () => {
  const blueGreen = { strategy: "blue-green", activeSlot: "blue" };
  it("switches back when the idle slot holds exactly the target, verified", () => {
    expect(rollbackPlan(blueGreen, { releaseId: 2 }, { releaseId: 2, verified: true })).toEqual({
      slot: "green",
      phase: "switch",
      how: "switch",
    });
  });
  it("redeploys the target into the idle slot when the slot holds anything else, or an unverified copy", () => {
    expect(rollbackPlan(blueGreen, { releaseId: 2 }, { releaseId: 5, verified: true })).toMatchObject({
      slot: "green",
      how: "redeploy",
    });
    expect(rollbackPlan(blueGreen, { releaseId: 2 }, { releaseId: 2, verified: false })).toMatchObject({
      how: "redeploy",
    });
    expect(rollbackPlan(blueGreen, { releaseId: 2 }, null)).toMatchObject({ phase: "deploy" });
  });
  it("redeploys in place", () => {
    expect(rollbackPlan({ strategy: "in-place", activeSlot: null }, { releaseId: 2 }, null)).toEqual({
      slot: null,
      phase: "deploy",
      how: "redeploy",
    });
  });
});
