import { DomainError } from "../../domain/errors";
import { targetSlot } from "../../domain/release/environment";
import { evaluatePromotion, type PromotionDecision, type PromotionFacts } from "../../domain/release/promotion";
import { newestOnSlot } from "../../db/repositories/deployments";
import { completed } from "../../domain/release/deployment-state";
import { listEnvironments } from "../../db/repositories/environments";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { liveEnvironment, promotionFacts } from "./promotion-facts";
import { readSettings } from "./environment-config";
import { enqueue } from "./deploy-release";
import { requireRelease } from "./lookups";

export interface PromoteInput {
  releaseId: number;
  /** An admin's reason lets a promotion through a freeze window or a stopped line (audited). */
  reason?: string | null;
  /** Forced past every gate: admins only, with a written reason; audited and shown as forced. */
  force?: boolean;
}

export interface PromotionCheck {
  release: { id: number; version: string };
  environment: string | null;
  facts: PromotionFacts;
  decision: PromotionDecision;
}

/** The release, where it would go live, and its gates now. */
async function assess(app: App, actor: Actor, input: PromoteInput & { automatic?: boolean }) {
  const release = await requireRelease(app.database, input.releaseId);
  const live = liveEnvironment(await listEnvironments(app.database, release.projectId));
  const facts = await promotionFacts(app.database, release, app.now());
  const decision = evaluatePromotion(facts, {
    admin: actor.role === "admin",
    reason: input.reason,
    automatic: input.automatic,
    force: input.force,
  });
  if (!live) decision.reasons.unshift("This project has no live environment: add one on the Releases page.");
  return { release, live, facts, decision: { ...decision, allowed: decision.reasons.length === 0 } };
}

/** The promotion gates' state for a release, as the confirmation dialog shows it. */
export async function checkPromotion(
  app: App,
  actor: Actor,
  input: PromoteInput & { automatic?: boolean },
): Promise<PromotionCheck> {
  const { release, live, facts, decision } = await assess(app, actor, input);
  return { release: { id: release.id, version: release.version }, environment: live?.name ?? null, facts, decision };
}

/**
 * Promotes a release to live: refused with the gates' reasons (and the refusal recorded), or
 * queued as a promotion — deploy to live (its idle slot, for blue-green), verify, switch —
 * after which its cards move to Live. A blue-green idle slot that already holds the release,
 * verified, is only switched.
 */
export async function promoteRelease(
  app: App,
  actor: Actor,
  input: PromoteInput & { automatic?: boolean },
): Promise<number> {
  if (input.force && actor.role !== "admin") {
    throw new DomainError(
      "AUTH.FORBIDDEN",
      "Only an admin can force a promotion past its gates. Ask one, or get the gates green.",
    );
  }
  if (input.force && !input.reason?.trim()) {
    throw new DomainError("VALIDATION", "Say why this promotion is forced past its gates: the reason is audited.", {
      field: "reason",
    });
  }
  const { release, live, decision } = await assess(app, actor, input);
  if (!decision.allowed || !live) {
    await changeProject(app, release.projectId, async (_store, record) => {
      await record({
        itemId: null,
        type: "promotion.refused",
        actor: actor.id,
        payload: { version: release.version, reasons: decision.reasons },
      });
    });
    throw new DomainError(
      "PROMOTION.REFUSED",
      `Release ${release.version} cannot be promoted yet: ${decision.reasons.join(" ")}`,
      {
        reasons: decision.reasons,
        checks: decision.checks,
      },
    );
  }
  const slot = targetSlot(live.strategy, live.activeSlot);
  let phase: "deploy" | "switch" = "deploy";
  if (slot) {
    // Only switch when the idle slot holds exactly this release now, verified there.
    const held = await newestOnSlot(app.database, live.id, slot);
    const verified =
      held?.verifyStatus === "passed" || (held?.verifyStatus === null && !readSettings(live.config).verify);
    if (held && completed(held) && held.releaseId === release.id && verified) phase = "switch";
  }
  return enqueue(app, actor, {
    release,
    environment: live,
    purpose: "promote",
    slot,
    phase,
    details: {
      automatic: Boolean(input.automatic),
      checks: decision.checks.filter((c) => c.ok).map((c) => c.detail),
      ...(decision.overridden.length ? { overridden: decision.overridden, reason: input.reason } : {}),
      ...(input.force && decision.overridden.length ? { forced: true } : {}),
    },
  });
}
