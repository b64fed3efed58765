import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { absoluteUrl } from "../../domain/release/environment";
import { findDeployment, transitionDeployment, updateDeployment } from "../../db/repositories/deployments";
import { updateEnvironment } from "../../db/repositories/environments";
import { failingCasesOfDeployment } from "../../db/repositories/test-runs";
import type * as T from "../../db/schema/shared-types";
import { changeProject } from "../unit-of-work";
import type { App } from "../app";
import { parseJUnit } from "../integrations/junit/parse";
import { advanceCards, clearFlags, sendBackToCode } from "../services/card-effects";
import { recordTestRun } from "../services/record-test-run";
import { hashToken } from "../auth/tokens";
import {
  fromSlot,
  loadDeploymentContext,
  payloadOf,
  stepVariables,
  switches,
  webhookBody,
  type DeploymentContext,
} from "./context";
import { afterFinish, finishedEffects, noteEffects, recordFailure } from "./effects";
import { createLogSink, type LogSink } from "./log-sink";

import { runCommand, runStep, type StepOutcome } from "./steps";
import { SYSTEM } from "../../domain/access/actor";
import { config } from "../config";

const REGRESSION_FAILED = "Regression failed on ";
export const isRegressionFailure = (reason: string) => reason.startsWith(REGRESSION_FAILED);

/**
 * Carries a claimed deployment through its steps — deploy, verify, switch — reading its state
 * before each, so that a deployment handed to an external tool resumes where it waits.
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
        if (deployment.status !== "running" || deployment.runner === "external") return;
        const outcome = await deployStep(app, context, sink, signal);
        await sink.flush();
        if (signal.aborted) continue;
        if (outcome.external) {
          const deadlineAt = new Date(app.now().getTime() + (context.settings.deployer?.timeoutSeconds ?? 1800) * 1000);
          await app.database.transaction((store) => updateDeployment(store, id, { runner: "external", deadlineAt }));
          return;
        }
        await completeDeploy(app, id, outcome);
      } else if (phase === "verify") {
        if (context.deployment.verifyStatus !== null) return;
        const verdict = await verifyStep(app, context, sink, signal);
        await sink.flush();
        if (signal.aborted) continue;
        if (verdict === "external") return;
        await completeVerify(app, id, verdict);
      } else {
        const outcome = await switchStep(context, sink, signal);
        await sink.flush();
        if (signal.aborted) continue;
        await completeSwitch(app, id, outcome);
      }
    }
  } finally {
    await sink.flush();
  }
}

async function deployStep(
  app: App,
  context: DeploymentContext,
  sink: LogSink,
  signal: AbortSignal,
): Promise<StepOutcome> {
  const { deployer } = context.settings;
  if (!deployer)
    return {
      ok: false,
      summary: `Environment ${context.environment.name} has no deployer: configure one on the Releases page.`,
    };
  sink.note(
    `Deploying ${context.release.version} to ${context.environment.name}${context.deployment.slot ? ` (slot ${context.deployment.slot})` : ""}.`,
  );
  // A webhook deployer's tool reports back with a token that is good for this deployment only.
  const token = randomBytes(24).toString("base64url");
  if (deployer.type === "webhook") {
    await app.database.transaction((store) =>
      updateDeployment(store, context.deployment.id, { callbackTokenHash: hashToken(token) }),
    );
  }
  const callback = {
    url: absoluteUrl(`/api/v1/deployments/${context.deployment.id}/status`, config().publicUrl),
    token,
  };
  const outcome = await runStep(deployer, "deploy", {
    env: stepVariables(context),
    body: webhookBody(context, "deploy", { callback }),
    log: sink.log,
    signal,
    // Kept so that a restart can name the process a crash left behind.
    onProcess: (pid) =>
      void app.database
        .transaction((store) => updateDeployment(store, context.deployment.id, { pid }))
        .catch(() => undefined),
  });
  sink.note(outcome.summary);
  return outcome;
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
      runner: context.deployment.runner === "external" ? null : context.deployment.runner,
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

async function verifyStep(
  app: App,
  context: DeploymentContext,
  sink: LogSink,
  signal: AbortSignal,
): Promise<"passed" | "failed" | "external"> {
  const verify = context.settings.verify!;
  const id = context.deployment.id;
  if (verify.type === "external") {
    sink.note(
      `Waiting for the regression results of an external runner (POST /api/v1/projects/${context.project.slug}/test-runs?suite=regression&deployment=${id}).`,
    );
    const deadlineAt = new Date(app.now().getTime() + verify.timeoutSeconds * 1000);
    await app.database.transaction((store) =>
      updateDeployment(store, id, { verifyStatus: "running", runner: "external", deadlineAt }),
    );
    return "external";
  }
  await app.database.transaction((store) => updateDeployment(store, id, { verifyStatus: "running" }));
  const file = path.join(os.tmpdir(), `shiplane-regression-${id}-${randomBytes(4).toString("hex")}.xml`);
  const variables = stepVariables(context);
  sink.note(`Verifying ${variables.SHIPLANE_TARGET_URL || context.environment.name} with \`${verify.command}\`.`);
  const outcome = await runCommand(verify.command, verify.timeoutSeconds, {
    env: { ...variables, SHIPLANE_JUNIT_FILE: file },
    body: {},
    log: sink.log,
    signal,
  });
  const xml = await fs.readFile(file, "utf8").catch(() => null);
  await fs.rm(file, { force: true });
  if (xml === null) {
    sink.note(`${outcome.summary} It wrote no JUnit report at $SHIPLANE_JUNIT_FILE.`);
    return "failed";
  }
  try {
    const report = parseJUnit(xml);
    const run = await recordTestRun(
      app,
      SYSTEM,
      { project: context.project.slug, suite: "regression", deployment: id },
      report,
    );
    sink.note(`Regression: ${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped.`);
    if (!outcome.ok) sink.note(outcome.summary);
    return outcome.ok && run.failed === 0 ? "passed" : "failed";
  } catch (error) {
    sink.note(`The JUnit report could not be read: ${(error as Error).message}`);
    return "failed";
  }
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
      runner: current.runner === "external" ? null : current.runner,
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

async function switchStep(context: DeploymentContext, sink: LogSink, signal: AbortSignal): Promise<StepOutcome> {
  const from = fromSlot(context);
  const to = context.deployment.slot;
  const step = context.settings.switch;
  sink.note(`Switching ${context.environment.name} from ${from} to ${to} (${context.release.version}).`);
  if (!step) {
    sink.note(
      "No switch step is configured: Shiplane records the switch, and the environment's router reads the active slot from it.",
    );
    return { ok: true, summary: "Switched." };
  }
  const outcome = await runStep(step, "switch", {
    env: { ...stepVariables(context), SHIPLANE_FROM_SLOT: from ?? "", SHIPLANE_TO_SLOT: to ?? "" },
    body: webhookBody(context, "switch", { fromSlot: from, toSlot: to }),
    log: sink.log,
    signal,
  });
  sink.note(outcome.summary);
  return outcome;
}

async function completeSwitch(app: App, id: number, outcome: StepOutcome): Promise<void> {
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
