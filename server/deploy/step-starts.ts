import { randomBytes } from "node:crypto";
import { absoluteUrl } from "../../domain/release/environment";
import { updateDeployment } from "../../db/repositories/deployments";
import type { App } from "../app";
import { hashToken } from "../auth/tokens";
import { config } from "../config";
import { fromSlot, stepVariables, webhookBody, type DeploymentContext } from "./context";
import { dispatchStep } from "./jobs";
import type { LogSink } from "./log-sink";
import { postWebhook, type StepOutcome } from "./steps";

/**
 * How each step of a deployment starts. A command step goes to a worker (never run in the
 * server's process) and the deployment waits for its result; a webhook step is a signed POST
 * from the server, and the deploy tool reports back. "waiting" means the step's end arrives later.
 */
export type Started = StepOutcome | "waiting";

/** Hands a command step to a worker, and marks the deployment as waiting on that job. */
async function toWorker(
  app: App,
  context: DeploymentContext,
  sink: LogSink,
  phase: "deploy" | "verify" | "switch",
  step: { command: string; timeoutSeconds: number },
  env: Record<string, string>,
): Promise<"waiting"> {
  const { job, waiting } = await dispatchStep(app, {
    projectId: context.project.id,
    deploymentId: context.deployment.id,
    environmentId: context.environment.id,
    phase,
    command: step.command,
    timeoutSeconds: step.timeoutSeconds,
    env,
    settings: context.settings,
  });
  await app.database.transaction((store) =>
    updateDeployment(store, context.deployment.id, {
      runner: `worker:${job.id}`,
      deadlineAt: null,
      ...(phase === "verify" ? { verifyStatus: "running" } : {}),
    }),
  );
  sink.note(
    `Job ${job.id} runs \`${step.command}\` on a worker${job.tags.length ? ` tagged ${job.tags.join(", ")}` : ""}.`,
  );
  if (waiting) sink.note(waiting);
  return "waiting";
}

export async function startDeploy(
  app: App,
  context: DeploymentContext,
  sink: LogSink,
  signal: AbortSignal,
): Promise<Started> {
  const { deployer } = context.settings;
  if (!deployer)
    return {
      ok: false,
      summary: `Environment ${context.environment.name} has no deployer: configure one on the Releases page.`,
    };
  sink.note(
    `Deploying ${context.release.version} to ${context.environment.name}${context.deployment.slot ? ` (slot ${context.deployment.slot})` : ""}.`,
  );
  if (deployer.type === "command") return toWorker(app, context, sink, "deploy", deployer, stepVariables(context));
  // A webhook deployer's tool reports back with a token that is good for this deployment only.
  const token = randomBytes(24).toString("base64url");
  await app.database.transaction((store) =>
    updateDeployment(store, context.deployment.id, { callbackTokenHash: hashToken(token) }),
  );
  const callback = {
    url: absoluteUrl(`/api/v1/deployments/${context.deployment.id}/status`, config().publicUrl),
    token,
  };
  const outcome = await postWebhook(deployer.url, deployer.secret, "deploy", {
    body: webhookBody(context, "deploy", { callback }),
    log: sink.log,
    signal,
  });
  sink.note(outcome.summary);
  if (!outcome.external) return outcome;
  const deadlineAt = new Date(app.now().getTime() + deployer.timeoutSeconds * 1000);
  await app.database.transaction((store) =>
    updateDeployment(store, context.deployment.id, { runner: "external", deadlineAt }),
  );
  return "waiting";
}

export async function startVerify(app: App, context: DeploymentContext, sink: LogSink): Promise<"waiting"> {
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
    return "waiting";
  }
  const variables = stepVariables(context);
  sink.note(`Verifying ${variables.SHIPLANE_TARGET_URL || context.environment.name} with \`${verify.command}\`.`);
  return toWorker(app, context, sink, "verify", verify, variables);
}

export async function startSwitch(
  app: App,
  context: DeploymentContext,
  sink: LogSink,
  signal: AbortSignal,
): Promise<Started> {
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
  if (step.type === "command")
    return toWorker(app, context, sink, "switch", step, {
      ...stepVariables(context),
      SHIPLANE_FROM_SLOT: from ?? "",
      SHIPLANE_TO_SLOT: to ?? "",
    });
  const outcome = await postWebhook(step.url, step.secret, "switch", {
    body: webhookBody(context, "switch", { fromSlot: from, toSlot: to }),
    log: sink.log,
    signal,
  });
  sink.note(outcome.summary);
  return outcome;
}
