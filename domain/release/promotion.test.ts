import { describe, expect, it } from "vitest";
import { evaluatePromotion, type PromotionFacts } from "./promotion";

const ready: PromotionFacts = {
  version: "1.4.0",
  test: { environment: "test", status: "succeeded", verification: "passed", failingTests: [] },
  items: [{ key: "SL-1", title: "Gift cards", needsManualQa: true, qaSignedOff: true }],
  criticalAlerts: [],
  live: false,
  promoting: false,
  pinned: null,
  lineStopped: null,
  freeze: null,
};
const facts = (over: Partial<PromotionFacts>) => ({ ...ready, ...over });

describe("evaluatePromotion", () => {
  it("allows a release deployed and verified on test, signed off, with no critical alert", () => {
    const decision = evaluatePromotion(ready);
    expect(decision).toMatchObject({ allowed: true, reasons: [], overridden: [] });
    expect(decision.checks.every((c) => c.ok)).toBe(true);
  });

  it.each<[string, Partial<PromotionFacts>, RegExp]>([
    ["never deployed to test", { test: null }, /has not been deployed to test/],
    [
      "deploy failed",
      { test: { ...ready.test!, status: "failed", verification: null } },
      /not deployed to test successfully \(failed\)/,
    ],
    ["regression running", { test: { ...ready.test!, verification: "running" } }, /still running on test/],
    ["regression not reported", { test: { ...ready.test!, verification: null } }, /No regression result for test yet/],
    [
      "regression failed, naming tests",
      { test: { ...ready.test!, verification: "failed", failingTests: ["checkout › pays"] } },
      /Failed the regression suite on test: checkout › pays/,
    ],
    ["QA missing", { items: [{ ...ready.items[0], qaSignedOff: false }] }, /Manual QA is not signed off for SL-1/],
    [
      "critical alert",
      { criticalAlerts: [{ name: "HighErrorRate", environment: "live" }] },
      /Critical alert "HighErrorRate" is firing on live/,
    ],
    [
      "line stopped",
      { lineStopped: { by: "user:maya", reason: "Incident" } },
      /line is stopped by user:maya: Incident/,
    ],
    [
      "freeze",
      { freeze: { note: "Black Friday", endsAt: new Date("2026-11-30T00:00:00Z") } },
      /freeze is in force until 2026-11-30T00:00:00.000Z \(Black Friday\)/,
    ],
    ["already live", { live: true }, /already live/],
    ["already promoting", { promoting: true }, /already being promoted/],
  ])("refuses when %s", (_name, over, reason) => {
    const decision = evaluatePromotion(facts(over));
    expect(decision.allowed).toBe(false);
    expect(decision.reasons.join(" ")).toMatch(reason);
  });

  it("lets an admin with a reason through a freeze and a stopped line, and nothing else", () => {
    const held = facts({
      lineStopped: { by: "user:maya", reason: "Incident" },
      freeze: { note: null, endsAt: new Date("2026-11-30T00:00:00Z") },
    });
    expect(evaluatePromotion(held, { admin: true }).allowed).toBe(false);
    expect(evaluatePromotion(held, { admin: false, reason: "hotfix" }).allowed).toBe(false);
    const overridden = evaluatePromotion(held, { admin: true, reason: "hotfix" });
    expect(overridden).toMatchObject({ allowed: true });
    expect(overridden.overridden).toHaveLength(2);
    expect(
      evaluatePromotion(
        { ...held, criticalAlerts: [{ name: "Down", environment: "live" }] },
        { admin: true, reason: "hotfix" },
      ).allowed,
    ).toBe(false);
  });

  it("keeps automatic promotion away from a pinned release and from overrides", () => {
    const pinned = facts({ pinned: { reason: "rolled back on live" } });
    expect(evaluatePromotion(pinned).allowed).toBe(true);
    expect(evaluatePromotion(pinned, { automatic: true }).reasons).toEqual([
      expect.stringMatching(/rolled back on live.*only a person/),
    ]);
    expect(
      evaluatePromotion(facts({ freeze: { note: null, endsAt: new Date() } }), {
        automatic: true,
        admin: true,
        reason: "x",
      }).allowed,
    ).toBe(false);
  });

  it("forces a promotion past every gate only for an admin with a written reason, never past live or a promotion under way", () => {
    const untested = facts({ test: null, criticalAlerts: [{ name: "Down", environment: "live" }] });
    expect(evaluatePromotion(untested, { force: true, admin: false, reason: "hotfix" }).allowed).toBe(false);
    expect(evaluatePromotion(untested, { force: true, admin: true, reason: " " }).allowed).toBe(false);
    expect(evaluatePromotion(untested, { force: true, admin: true, reason: "hotfix", automatic: true }).allowed).toBe(
      false,
    );
    const forced = evaluatePromotion(untested, { force: true, admin: true, reason: "hotfix" });
    expect(forced.allowed).toBe(true);
    expect(forced.overridden).toEqual([
      expect.stringMatching(/has not been deployed to test/),
      expect.stringMatching(/regression suite runs once/),
      expect.stringMatching(/Critical alert "Down"/),
    ]);
    expect(evaluatePromotion(facts({ live: true }), { force: true, admin: true, reason: "x" }).allowed).toBe(false);
  });
});
