import type { StepConfig } from "../../domain/release/environment";
import { appendProvisionLog, updateEnvironment } from "../../db/repositories/environments";
import type { App } from "../app";
import { readSettings } from "../services/environment-config";
import { changeProject } from "../unit-of-work";
import { findEnvironment } from "../../db/repositories/environments";
import { dispatchStep } from "./jobs";
import { postWebhook, type StepOutcome } from "./steps";

type Provisioned = { projectId: number; id: number; name: string };

/**
 * Runs a new environment's provisioning step: a command goes to a worker (the result arrives
 * with its job), a webhook is posted from here. Its output is kept, and it ends ready or failed.
 */
export async function provisionEnvironment(app: App, environment: Provisioned, step: StepConfig): Promise<void> {
  const { projectId, id, name } = environment;
  const log = (text: string) => app.database.transaction((store) => appendProvisionLog(store, id, text));
  if (step.type === "command") {
    const row = await findEnvironment(app.database, id);
    const { job, waiting } = await dispatchStep(app, {
      projectId,
      deploymentId: null,
      environmentId: id,
      phase: "provision",
      command: step.command,
      timeoutSeconds: step.timeoutSeconds,
      env: { SHIPLANE_ENVIRONMENT: name, SHIPLANE_PROJECT: String(projectId) },
      settings: readSettings(row?.config),
    });
    await log(
      `[Shiplane] Job ${job.id} runs \`${step.command}\` on a worker.\n${waiting ? `[Shiplane] ${waiting}\n` : ""}`,
    );
    return;
  }
  let pending = Promise.resolve();
  const outcome = await postWebhook(step.url, step.secret, "provision", {
    body: { step: "provision", environment: name },
    log: (text) => {
      pending = pending.then(() => log(text));
    },
    signal: new AbortController().signal,
  });
  await pending;
  await finishProvision(app, environment, outcome);
}

/** The provisioning step ended: the environment is ready, or failed with the cause. */
export async function finishProvision(app: App, environment: Provisioned, outcome: StepOutcome): Promise<void> {
  const { projectId, id, name } = environment;
  await app.database.transaction((store) => appendProvisionLog(store, id, `[Shiplane] ${outcome.summary}\n`));
  await changeProject(app, projectId, async (store, record) => {
    await updateEnvironment(store, id, { status: outcome.ok ? "ready" : "failed" });
    await record({
      itemId: null,
      type: outcome.ok ? "environment.ready" : "environment.failed",
      actor: "system",
      payload: { name, summary: outcome.summary },
    });
  });
}
