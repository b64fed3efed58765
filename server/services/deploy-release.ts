import { DomainError } from "../../domain/errors";
import { targetSlot } from "../../domain/release/environment";
import { liveDeployRefusal } from "../../domain/release/live";
import { enqueueDeployment, unfinishedOnSlot } from "../../db/repositories/deployments";
import { findEnvironment, type EnvironmentRecord } from "../../db/repositories/environments";
import type { ReleaseRecord } from "../../db/repositories/releases";
import type * as T from "../../db/schema/shared-types";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { readSettings } from "./environment-config";
import { requireEnvironment, requireRelease } from "./lookups";

export interface DeployInput {
  releaseId: number;
  environment: string;
}

/**
 * Queues a release's deployment to an environment (its idle slot, for blue-green) and wakes
 * the runner. One deployment at a time runs per environment slot; later ones wait their turn.
 */
export async function deployRelease(app: App, actor: Actor, input: DeployInput): Promise<number> {
  const release = await requireRelease(app.database, input.releaseId);
  const environment = await requireEnvironment(app.database, release.projectId, input.environment);
  return enqueue(app, actor, { release, environment, purpose: "deploy" });
}

export interface EnqueueRequest {
  release: ReleaseRecord;
  environment: EnvironmentRecord;
  purpose: T.DeploymentPurpose;
  /** Where it lands; by default the environment's idle slot (blue-green) or the environment. */
  slot?: string | null;
  /** Start at this step (a promotion or rollback whose slot already holds the release only switches). */
  phase?: T.DeploymentPhase;
  /** Recorded with the request (a promotion's gates, a rollback's reason). */
  details?: Record<string, unknown>;
}

export async function enqueue(app: App, actor: Actor, request: EnqueueRequest): Promise<number> {
  const { release, purpose } = request;
  // Live changes only through promotion, on every path: the API, the UI and schedules.
  const refusal = liveDeployRefusal(request.environment, release, purpose);
  if (refusal) {
    throw new DomainError("DEPLOY.LIVE_NEEDS_PROMOTION", refusal, {
      environment: request.environment.name,
      releaseId: release.id,
    });
  }
  const settings = readSettings(request.environment.config);
  const needsDeployer = (request.phase ?? "deploy") === "deploy";
  if (needsDeployer && !settings.deployer) {
    throw new DomainError(
      "ENVIRONMENT.NOT_CONFIGURED",
      `Environment ${request.environment.name} has no deployer: set a command or a webhook for it on the Releases page (Environments › Settings).`,
      { environment: request.environment.name },
    );
  }
  if (request.environment.status !== "ready") {
    throw new DomainError(
      "ENVIRONMENT.NOT_CONFIGURED",
      `Environment ${request.environment.name} is ${request.environment.status === "failed" ? "not ready: its provisioning failed" : "still being provisioned"}.`,
      {
        environment: request.environment.name,
      },
    );
  }
  const id = await changeProject(app, release.projectId, async (store, record) => {
    const environment = (await findEnvironment(store, request.environment.id))!;
    const slot = request.slot !== undefined ? request.slot : targetSlot(environment.strategy, environment.activeSlot);
    const waiting = await unfinishedOnSlot(store, environment.id, slot);
    const same = waiting.find((d) => d.releaseId === release.id && d.purpose === purpose);
    if (same) {
      throw new DomainError(
        "DEPLOYMENT.BUSY",
        `Release ${release.version} is already ${same.status === "queued" ? "queued" : "being deployed"} to ${environment.name} (deployment ${same.id}).`,
        {
          deploymentId: same.id,
        },
      );
    }
    const deploymentId = await enqueueDeployment(store, {
      projectId: release.projectId,
      releaseId: release.id,
      environmentId: environment.id,
      slot,
      purpose,
      phase: request.phase ?? "deploy",
      triggeredBy: actor.id,
      queuedAt: app.now(),
      request: request.details ?? null,
    });
    await record({
      itemId: null,
      type:
        purpose === "deploy"
          ? "deployment.queued"
          : purpose === "promote"
            ? "promotion.requested"
            : "rollback.requested",
      actor: actor.id,
      payload: {
        deploymentId,
        version: release.version,
        environment: environment.name,
        slot,
        purpose,
        queuedBehind: waiting.length,
        ...request.details,
      },
    });
    return deploymentId;
  });
  app.runner.kick();
  return id;
}
