import { DomainError } from "../../domain/errors";
import { isSlot, otherSlot } from "../../domain/release/environment";
import { newestSucceededBefore } from "../../db/repositories/deployments";
import { findRelease } from "../../db/repositories/releases";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { enqueue } from "./deploy-release";
import { requireEnvironment, requireProject } from "./lookups";

export interface RollbackInput {
  project: string;
  environment: string;
  reason?: string | null;
  /** The alert that triggered an automatic rollback. */
  alert?: string;
}

/**
 * Rolls an environment back to what it ran before. Blue-green switches traffic back to the
 * other slot, which still holds the previous release (seconds); in-place redeploys the
 * previous release. The release rolled back is pinned: automatic promotion leaves it alone.
 */
export async function rollbackEnvironment(app: App, actor: Actor, input: RollbackInput): Promise<number> {
  const project = await requireProject(app.database, input.project);
  const environment = await requireEnvironment(app.database, project.id, input.environment);
  const details = {
    reason: input.reason?.trim() || null,
    ...(input.alert ? { alert: input.alert, automatic: true } : {}),
  };
  if (environment.strategy === "blue-green") {
    const active = isSlot(environment.activeSlot) ? environment.activeSlot : "blue";
    const previous = otherSlot(active);
    const held = await newestSucceededBefore(app.database, environment.id, previous);
    const release = held ? await findRelease(app.database, held.releaseId) : null;
    if (!release) {
      throw new DomainError(
        "ROLLBACK.UNAVAILABLE",
        `Slot ${previous} of ${environment.name} holds no release to switch back to.`,
        { environment: environment.name },
      );
    }
    return enqueue(app, actor, { release, environment, purpose: "rollback", slot: previous, phase: "switch", details });
  }
  const current = await newestSucceededBefore(app.database, environment.id, null);
  let before = current ? await newestSucceededBefore(app.database, environment.id, null, current.id) : null;
  while (before && current && before.releaseId === current.releaseId)
    before = await newestSucceededBefore(app.database, environment.id, null, before.id);
  const release = before ? await findRelease(app.database, before.releaseId) : null;
  if (!release) {
    throw new DomainError("ROLLBACK.UNAVAILABLE", `${environment.name} has run no earlier release to roll back to.`, {
      environment: environment.name,
    });
  }
  return enqueue(app, actor, { release, environment, purpose: "rollback", slot: null, details });
}
