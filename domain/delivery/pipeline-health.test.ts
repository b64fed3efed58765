import { describe, expect, it } from "vitest";
import { buildPassRate, suitePassRates } from "./pipeline-health";

describe("pipeline health", () => {
  it("counts only finished builds", () => {
    expect(
      buildPassRate([{ status: "passed" }, { status: "failed" }, { status: "running" }, { status: "passed" }]),
    ).toBeCloseTo(2 / 3);
    expect(buildPassRate([{ status: "queued" }])).toBeNull();
  });

  it("rates each suite by its green runs", () => {
    expect(
      suitePassRates([
        { suite: "unit", failed: 0 },
        { suite: "e2e", failed: 2 },
        { suite: "unit", failed: 1 },
        { suite: "e2e", failed: 0 },
      ]),
    ).toEqual([
      { suite: "e2e", runs: 2, passRate: 0.5 },
      { suite: "unit", runs: 2, passRate: 0.5 },
    ]);
  });
});
