import { findDeployment, transitionDeployment, updateDeployment } from "../../db/repositories/deployments";
import { updateEnvironment } from "../../db/repositories/environments";
import { failingCasesOfDeployment } from "../../db/repositories/test-runs";
import type * as T from "../../db/schema/shared-types";
import { SYSTEM } from "../../domain/access/actor";
import type { App } from "../app";
import { advanceCards, clearFlags, sendBackToCode } from "../services/card-effects";
import { changeProject } from "../unit-of-work";
import { fromSlot, loadDeploymentContext, payloadOf, switches, type DeploymentContext } from "./context";
import { afterFinish, finishedEffects, noteEffects, recordFailure } from "./effects";
import { createLogSink } from "./log-sink";
import { startDeploy, startSwitch, startVerify } from "./step-starts";
import type { StepOutcome } from "./steps";

const REGRESSION_FAILED = "Regression failed on ";
export const isRegressionFailure = (reason: string) => reason.startsWith(REGRESSION_FAILED);

/** The deployment waits on something outside this process: a deploy tool, an external runner or a worker's job. */
export function waitsOutside(deployment: { runner: string | null }): boolean {
  return deployment.runner === "external" || Boolean(deployment.runner?.startsWith("worker:"));
}

/**
 * Carries a claimed deployment through its steps — deploy, verify, switch — reading its state
 * before each, so that a deployment handed to a worker or an external tool resumes where it waits.
 * Returns when it is finished, or waits on something outside this process.
 */
export async function advance(app: App, id: number, signal: AbortSignal): Promise<void> {
  const sink = createLogSink(app, id);
  try {
    for (;;) {
      const context = await loadDeploymentContext(app.database, id);
      const { deployment } = context;
      if (deployment.finishedAt || deployment.status === "queued") return;
      if (deployment.cancelRequestedAt || signal.aborted) {
        await finish(
          app,
          context,
          "cancelled",
          `Cancelled by ${deployment.triggeredBy === "user:local" ? "the operator" : "request"}.`,
        );
        return;
      }
      const phase = deployment.phase ?? "deploy";
      if (phase === "deploy") {
        if (deployment.status !== "running" || waitsOutside(deployment)) return;
        const started = await startDeploy(app, context, sink, signal);
        await sink.flush();
        if (signal.aborted) continue;
        if (started === "waiting") return;
        await completeDeploy(app, id, started);
      } else if (phase === "verify") {
        if (deployment.verifyStatus !== null) return;
        await startVerify(app, context, sink);
        await sink.flush();
        return;
      } else {
        if (waitsOutside(deployment)) return;
        const started = await startSwitch(app, context, sink, signal);
        await sink.flush();
        if (signal.aborted) continue;
        if (started === "waiting") return;
        await completeSwitch(app, id, started);
      }
    }
  } finally {
    await sink.flush();
  }
}

/** The deploy step ended (here, or reported by an external tool): record it and choose the next step. */
export async function completeDeploy(app: App, id: number, outcome: { ok: boolean; summary: string }): Promise<void> {
  const context = await loadDeploymentContext(app.database, id);
  const next: T.DeploymentPhase | null = !outcome.ok
    ? null
    : context.settings.verify
      ? "verify"
      : switches(context)
        ? "switch"
        : null;
  const changed = await changeProject(app, context.project.id, async (store, record) => {
    const moved = await transitionDeployment(store, id, ["running"], {
      status: outcome.ok ? "succeeded" : "failed",
      phase: next ?? "deploy",
      error: outcome.ok ? null : outcome.summary,
      runner: waitsOutside(context.deployment) ? null : context.deployment.runner,
      deadlineAt: null,
      ...(next ? {} : { finishedAt: app.now() }),
    });
    if (!moved) return null;
    await record({
      itemId: null,
      type: outcome.ok ? "deployment.succeeded" : "deployment.failed",
      actor: "system",
      payload: payloadOf(context, outcome.ok ? {} : { error: outcome.summary }),
    });
    return { replaced: outcome.ok && !next ? await finishedEffects(app, store, context, record) : null };
  });
  if (!changed) return;
  if (outcome.ok && context.environment.kind === "test") {
    const effects = await advanceCards(app, SYSTEM, context.itemIds, ["code", "build"], "test");
    await noteEffects(app, id, context, effects);
  }
  if (outcome.ok && !next) await afterFinish(app, context, changed.replaced);
  if (!outcome.ok && context.deployment.purpose !== "deploy") await recordFailure(app, context, outcome.summary);
}

/** The regression verdict (from the verify command, or from an external runner's report). */
export async function completeVerify(app: App, id: number, verdict: "passed" | "failed"): Promise<void> {
  const context = await loadDeploymentContext(app.database, id);
  const failing = verdict === "failed" ? await failingCasesOfDeployment(app.database, id) : [];
  const next = verdict === "passed" && switches(context) ? "switch" : null;
  const summary =
    verdict === "passed"
      ? null
      : `${REGRESSION_FAILED}${context.environment.name} for ${context.release.version}${failing.length ? `: ${failing.join(", ")}` : "."}`;
  const changed = await changeProject(app, context.project.id, async (store, record) => {
    const current = await findDeployment(store, id);
    if (!current || current.finishedAt || current.verifyStatus === "passed" || current.verifyStatus === "failed")
      return null;
    await updateDeployment(store, id, {
      verifyStatus: verdict,
      runner: waitsOutside(current) ? null : current.runner,
      deadlineAt: null,
      ...(verdict === "failed"
        ? { status: "failed", error: summary, finishedAt: app.now() }
        : next
          ? { phase: next }
          : { finishedAt: app.now() }),
    });
    await record({
      itemId: null,
      type: `verification.${verdict}`,
      actor: "system",
      payload: payloadOf(context, { failingTests: failing }),
    });
    return { replaced: verdict === "passed" && !next ? await finishedEffects(app, store, context, record) : null };
  });
  if (!changed) return;
  if (context.environment.kind === "test") {
    if (verdict === "failed") await sendBackToCode(app, SYSTEM, context.itemIds, summary!);
    else await clearFlags(app, SYSTEM, context.itemIds, isRegressionFailure);
  }
  if (verdict === "passed" && !next) await afterFinish(app, context, changed.replaced);
  if (verdict === "failed" && context.deployment.purpose !== "deploy") await recordFailure(app, context, summary!);
}

/** The switch step ended (here, or on a worker): traffic moved, or the deployment failed. */
export async function completeSwitch(app: App, id: number, outcome: StepOutcome): Promise<void> {
  const context = await loadDeploymentContext(app.database, id);
  const from = fromSlot(context);
  const changed = await changeProject(app, context.project.id, async (store, record) => {
    const moved = await transitionDeployment(store, id, ["running", "succeeded"], {
      switchStatus: outcome.ok ? "passed" : "failed",
      finishedAt: app.now(),
      ...(outcome.ok ? { status: "succeeded" } : { status: "failed", error: outcome.summary }),
    });
    if (!moved) return null;
    if (!outcome.ok) return { replaced: null };
    await updateEnvironment(store, context.environment.id, { activeSlot: context.deployment.slot });
    await record({
      itemId: null,
      type: "environment.switched",
      actor: "system",
      payload: payloadOf(context, { from, to: context.deployment.slot }),
    });
    return { replaced: await finishedEffects(app, store, context, record) };
  });
  if (!changed) return;
  if (!outcome.ok) await recordFailure(app, context, outcome.summary);
  else await afterFinish(app, context, changed.replaced);
}

/** Ends a deployment that cannot go on (cancelled, or its process died), with the cause. */
export async function finish(
  app: App,
  context: DeploymentContext,
  status: "failed" | "cancelled",
  cause: string,
): Promise<boolean> {
  const changed = await changeProject(app, context.project.id, async (store, record) => {
    const moved = await transitionDeployment(store, context.deployment.id, ["queued", "running", "succeeded"], {
      status,
      error: cause,
      finishedAt: app.now(),
    });
    if (!moved) return false;
    await record({
      itemId: null,
      type: `deployment.${status}`,
      actor: "system",
      payload: payloadOf(context, { error: cause }),
    });
    return true;
  });
  if (changed) {
    const sink = createLogSink(app, context.deployment.id);
    sink.note(cause);
    await sink.flush();
  }
  return changed;
}

/** An external runner posted regression results for a deployment that waits on them. */
export async function regressionReported(app: App, deploymentId: number, failed: number): Promise<void> {
  const deployment = await findDeployment(app.database, deploymentId);
  if (
    !deployment ||
    deployment.finishedAt ||
    deployment.phase !== "verify" ||
    deployment.verifyStatus !== "running" ||
    deployment.runner !== "external"
  )
    return;
  await completeVerify(app, deploymentId, failed > 0 ? "failed" : "passed");
  app.runner.resume(deploymentId);
}
