import { DomainError } from "../../domain/errors";
import { updateDeployment } from "../../db/repositories/deployments";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { loadDeploymentContext } from "./context";
import { finish } from "./pipeline";
import { cancelJobOf } from "./job-reports";
import { requireDeployment } from "../services/lookups";

/**
 * Cancels a deployment: a queued one, or one waiting on an external tool, ends at once; a step
 * on a worker is stopped (its whole process group) by the worker, which learns of it at its next
 * heartbeat, or ends at once when no worker took it yet.
 */
export async function cancelDeployment(app: App, actor: Actor, id: number): Promise<void> {
  const deployment = await requireDeployment(app.database, id);
  if (deployment.finishedAt)
    throw new DomainError("DEPLOYMENT.FINISHED", `Deployment ${id} has already finished (${deployment.status}).`, {
      id,
    });
  const cause = `Cancelled by ${actor.id}.`;
  if (deployment.status === "queued" || deployment.runner === "external") {
    await finish(app, await loadDeploymentContext(app.database, id), "cancelled", cause);
    return;
  }
  await app.database.transaction((store) => updateDeployment(store, id, { cancelRequestedAt: app.now() }));
  const job = deployment.runner?.startsWith("worker:") ? Number(deployment.runner.slice("worker:".length)) : null;
  if (job !== null) return cancelJobOf(app, id, job, cause);
  // Here if this instance runs it; otherwise its instance sees the request at its next heartbeat.
  app.runner.cancel(id);
}
