import type { StepConfig } from "../../domain/release/environment";
import { appendProvisionLog, updateEnvironment } from "../../db/repositories/environments";
import type { App } from "../app";
import { changeProject } from "../unit-of-work";
import { runStep } from "./steps";
import { config } from "../config";

/** Runs a new environment's provisioning step, keeps its output, and records ready or failed. */
export async function provisionEnvironment(
  app: App,
  environment: { projectId: number; id: number; name: string },
  step: StepConfig,
): Promise<void> {
  const { projectId, id, name } = environment;
  let pending = Promise.resolve();
  const log = (text: string) => {
    pending = pending.then(() => app.database.transaction((store) => appendProvisionLog(store, id, text)));
  };
  const outcome = await runStep(step, "provision", {
    env: { SHIPLANE_ENVIRONMENT: name, SHIPLANE_DATA_DIR: config().dataDir },
    body: { step: "provision", environment: name },
    log,
    signal: new AbortController().signal,
  });
  log(`[Shiplane] ${outcome.summary}\n`);
  await pending;
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
