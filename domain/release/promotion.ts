/** Whether a release may go live: the promotion gates, as values the UI and the API can show. */

export interface PromotionItem {
  key: string;
  title: string;
  needsManualQa: boolean;
  qaSignedOff: boolean;
}

export interface PromotionFacts {
  version: string;
  /** The newest deployment of the release to a test environment. */
  test: {
    environment: string;
    status: string;
    verification: "running" | "passed" | "failed" | null;
    failingTests: string[];
  } | null;
  items: PromotionItem[];
  criticalAlerts: { name: string; environment: string }[];
  /** The release is live now. */
  live: boolean;
  /** A promotion of this release is already under way. */
  promoting: boolean;
  /** Rolled back: automatic promotion leaves it alone. */
  pinned: { reason: string } | null;
  lineStopped: { by: string; reason: string } | null;
  freeze: { note: string | null; endsAt: Date } | null;
}

export interface GateCheck {
  gate: "deployed" | "verified" | "qa" | "alerts" | "line" | "freeze" | "pinned";
  ok: boolean;
  detail: string;
}

export interface PromotionDecision {
  allowed: boolean;
  checks: GateCheck[];
  /** The failed checks' details, one sentence each. */
  reasons: string[];
  /** Failed checks that an admin overrode with a reason. */
  overridden: string[];
}

export interface PromotionRequest {
  automatic?: boolean;
  /** An admin's written reason lets a promotion through a freeze window or a stopped line. */
  admin?: boolean;
  reason?: string | null;
  /** A forced promotion: an admin, with a written reason, takes it past every gate (audited, shown as forced). */
  force?: boolean;
}

const OVERRIDABLE: GateCheck["gate"][] = ["line", "freeze"];

export function evaluatePromotion(facts: PromotionFacts, request: PromotionRequest = {}): PromotionDecision {
  const checks: GateCheck[] = [];
  const test = facts.test;
  const deployed = test?.status === "succeeded";
  checks.push({
    gate: "deployed",
    ok: deployed,
    detail: deployed
      ? `Deployed to ${test!.environment}.`
      : test
        ? `Release ${facts.version} is not deployed to ${test.environment} successfully (${test.status}).`
        : `Release ${facts.version} has not been deployed to test.`,
  });
  const verified = deployed && test!.verification === "passed";
  checks.push({
    gate: "verified",
    ok: verified,
    detail: verified
      ? `Passed the regression suite on ${test!.environment}.`
      : !deployed
        ? "The regression suite runs once it is deployed to test."
        : test!.verification === "failed"
          ? `Failed the regression suite on ${test!.environment}${test!.failingTests.length ? `: ${test!.failingTests.slice(0, 5).join(", ")}` : ""}.`
          : test!.verification === "running"
            ? `The regression suite is still running on ${test!.environment}.`
            : `No regression result for ${test!.environment} yet.`,
  });
  const waiting = facts.items.filter((item) => item.needsManualQa && !item.qaSignedOff);
  checks.push({
    gate: "qa",
    ok: waiting.length === 0,
    detail: waiting.length
      ? `Manual QA is not signed off for ${waiting.map((item) => item.key).join(", ")}.`
      : facts.items.some((item) => item.needsManualQa)
        ? "Manual QA signed off."
        : "No manual QA needed.",
  });
  checks.push({
    gate: "alerts",
    ok: facts.criticalAlerts.length === 0,
    detail: facts.criticalAlerts.length
      ? facts.criticalAlerts
          .map((alert) => `Critical alert "${alert.name}" is firing on ${alert.environment}.`)
          .join(" ")
      : "No critical alert on live.",
  });
  checks.push({
    gate: "line",
    ok: !facts.lineStopped,
    detail: facts.lineStopped
      ? `The line is stopped by ${facts.lineStopped.by}: ${facts.lineStopped.reason}`
      : "The line is running.",
  });
  checks.push({
    gate: "freeze",
    ok: !facts.freeze,
    detail: facts.freeze
      ? `A deploy freeze is in force until ${facts.freeze.endsAt.toISOString()}${facts.freeze.note ? ` (${facts.freeze.note})` : ""}.`
      : "No deploy freeze.",
  });
  if (request.automatic) {
    checks.push({
      gate: "pinned",
      ok: !facts.pinned,
      detail: facts.pinned
        ? `Release ${facts.version} was rolled back (${facts.pinned.reason}); only a person can promote it again.`
        : "Not pinned.",
    });
  }

  const failed = checks.filter((check) => !check.ok);
  const canOverride = Boolean(request.admin && !request.automatic && request.reason?.trim());
  const overridable = request.force ? failed : failed.filter((check) => OVERRIDABLE.includes(check.gate));
  const overridden = canOverride ? overridable : [];
  const blocking = failed.filter((check) => !overridden.includes(check));
  const reasons = blocking.map((check) => check.detail);
  if (facts.live) reasons.unshift(`Release ${facts.version} is already live.`);
  if (facts.promoting) reasons.unshift(`Release ${facts.version} is already being promoted.`);
  return { allowed: reasons.length === 0, checks, reasons, overridden: overridden.map((check) => check.detail) };
}
