import { timingSafeEqual } from "node:crypto";
import { DomainError } from "../../domain/errors";
import { appendLog } from "../../db/repositories/deployments";
import type { App } from "../app";
import { completeDeploy } from "./pipeline";
import { requireDeployment } from "../services/lookups";
import { hashToken } from "../auth/tokens";

export interface DeploymentStatusInput {
  status: "running" | "succeeded" | "failed";
  /** Log output to append: a string (lines) or a list of lines. */
  log?: string | string[];
  /** A sentence on why it failed. */
  message?: string | null;
}

/**
 * A webhook deployer's tool reports progress with the deployment's own token: log lines while
 * it runs, then succeeded or failed, after which Shiplane carries on (verify, switch).
 */
/** The deployment, if `authorization` carries the callback token Shiplane sent with its webhook. */
export async function checkCallbackToken(app: App, id: number, authorization: string | null) {
  const deployment = await requireDeployment(app.database, id);
  const token = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] : null;
  const expected = deployment.callbackTokenHash;
  const given = token ? hashToken(token) : "";
  if (
    !expected ||
    !token ||
    expected.length !== given.length ||
    !timingSafeEqual(Buffer.from(expected), Buffer.from(given))
  ) {
    throw new DomainError(
      "AUTH.UNAUTHENTICATED",
      `Send the token Shiplane gave in deployment ${id}'s webhook (callback.token) as "Authorization: Bearer <token>".`,
    );
  }
  return deployment;
}

export async function reportDeploymentStatus(
  app: App,
  id: number,
  authorization: string | null,
  input: DeploymentStatusInput,
): Promise<{ accepted: boolean; status: string }> {
  const deployment = await checkCallbackToken(app, id, authorization);
  // A finished deployment's record is closed: nothing more is appended to its log.
  if (deployment.finishedAt)
    throw new DomainError(
      "DEPLOYMENT.FINISHED",
      `Deployment ${id} already finished (${deployment.status}); its log and status no longer change.`,
      { status: deployment.status },
    );
  const lines = Array.isArray(input.log) ? input.log.join("\n") : (input.log ?? "");
  if (lines)
    await app.database.transaction((store) => appendLog(store, id, lines.endsWith("\n") ? lines : `${lines}\n`));
  if (input.status === "running" || deployment.phase !== "deploy" || deployment.status !== "running")
    return { accepted: true, status: deployment.status };
  const ok = input.status === "succeeded";
  await completeDeploy(app, id, {
    ok,
    summary: ok
      ? "The deploy tool reported success."
      : `The deploy tool reported a failure${input.message ? `: ${input.message}` : "."}`,
  });
  app.runner.resume(id);
  return { accepted: true, status: input.status };
}
