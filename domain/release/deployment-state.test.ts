import { describe, expect, it } from "vitest";
import { deploymentState, type DeploymentSummary } from "./deployment-state";

const done = new Date("2026-03-02T10:00:00Z");
const base: DeploymentSummary = {
  status: "succeeded",
  phase: "deploy",
  purpose: "deploy",
  verification: null,
  finishedAt: done,
  serving: false,
  slot: null,
  error: null,
};

describe("deploymentState", () => {
  it.each<[string, Partial<DeploymentSummary>, string, string]>([
    ["queued", { status: "queued", finishedAt: null }, "queued", "amber"],
    ["deploy step running", { status: "running", finishedAt: null }, "deploying", "amber"],
    ["verify step running", { status: "succeeded", phase: "verify", finishedAt: null }, "verifying", "amber"],
    ["switching", { status: "succeeded", phase: "switch", finishedAt: null }, "switching", "amber"],
    [
      "regression failed",
      { status: "failed", phase: "verify", error: "Regression failed" },
      "regression failed",
      "red",
    ],
    ["deployer failed", { status: "failed", phase: "deploy" }, "failed", "red"],
    ["cancelled", { status: "cancelled" }, "cancelled", "grey"],
    ["rolled back", { status: "rolled-back", slot: "blue" }, "rolled back", "red"],
    ["live on a slot", { serving: true, slot: "green", verification: "passed" }, "live", "green"],
    ["serving in place, verified", { serving: true, verification: "passed" }, "verified", "green"],
    ["idle slot, verified", { slot: "blue", verification: "passed" }, "verified, idle", "green"],
    ["deployed, no regression", {}, "deployed", "green"],
  ])("%s", (_name, over, label, tone) => {
    expect(deploymentState({ ...base, ...over })).toMatchObject({ label, tone });
  });
});
