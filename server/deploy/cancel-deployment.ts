import { DomainError } from "../../domain/errors";
import { updateDeployment } from "../../db/repositories/deployments";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { loadDeploymentContext } from "./context";
import { finish } from "./pipeline";
import { requireDeployment } from "../services/lookups";

/**
 * Cancels a deployment: a queued one, or one waiting on an external tool, ends at once; a
 * running command is stopped (its whole process group) by the instance that runs it.
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
  // Here if this instance runs it; otherwise its instance sees the request at its next heartbeat.
  app.runner.cancel(id);
}
