/**
 * Rollback returns an environment to what it served before, never to whatever an idle slot
 * happens to hold: its target comes from the environment's own history, and must have been
 * verified there.
 */

/** One stretch of time in which a release served the environment, oldest first. */
export interface ServedStretch {
  deploymentId: number;
  releaseId: number;
  version: string;
  /** The release passed the environment's regression suite there (or the environment has none). */
  verified: boolean;
  /** It was replaced by a rollback: a later rollback never returns to it. */
  rolledBack: boolean;
  from: Date;
}

export interface RollbackTarget {
  current: ServedStretch;
  target: ServedStretch;
  /** When the target stopped serving: it was live until then. */
  liveUntil: Date;
}

export type RollbackDecision = ({ ok: true } & RollbackTarget) | { ok: false; reason: string };

/**
 * The release served before the current one (passing over the current release's own earlier
 * stretches and any release that was rolled back), if there is one and it was verified there.
 */
export function rollbackTarget(environment: string, served: ServedStretch[]): RollbackDecision {
  const current = served.at(-1);
  if (!current) return { ok: false, reason: `${environment} serves no release yet: there is nothing to roll back.` };
  for (let i = served.length - 2; i >= 0; i--) {
    const candidate = served[i];
    if (candidate.releaseId === current.releaseId || candidate.rolledBack) continue;
    if (!candidate.verified) {
      return {
        ok: false,
        reason: `${candidate.version}, which ${environment} served before ${current.version}, was never verified there, so Shiplane will not roll back to it. Promote a verified release instead.`,
      };
    }
    const next = served.slice(i + 1).find((s) => s.releaseId !== candidate.releaseId)!;
    return { ok: true, current, target: candidate, liveUntil: next.from };
  }
  return {
    ok: false,
    reason: `${environment} has served no release before ${current.version}: there is nothing earlier to roll back to.`,
  };
}

export type RollbackPlan = { slot: string | null; phase: "switch" | "deploy"; how: "switch" | "redeploy" };

/**
 * How to reach the target: a blue-green environment switches back only when its idle slot holds
 * exactly the target, verified; otherwise (and in place) the target is deployed again.
 */
export function rollbackPlan(
  environment: { strategy: string; activeSlot: string | null },
  target: { releaseId: number },
  idle: { releaseId: number; verified: boolean } | null,
): RollbackPlan {
  if (environment.strategy !== "blue-green") return { slot: null, phase: "deploy", how: "redeploy" };
  const slot = environment.activeSlot === "green" ? "blue" : "green";
  if (idle && idle.releaseId === target.releaseId && idle.verified) return { slot, phase: "switch", how: "switch" };
  return { slot, phase: "deploy", how: "redeploy" };
}
