import { DomainError } from "../../domain/errors";
import {
  absoluteUrl,
  addressOf,
  isSlot,
  otherSlot,
  type EnvironmentSettings,
  type Slot,
} from "../../domain/release/environment";
import type { Store } from "../../db/client";
import { findDeployment, type DeploymentRecord } from "../../db/repositories/deployments";
import { findEnvironment, type EnvironmentRecord } from "../../db/repositories/environments";
import { findProjectById, type ProjectRecord } from "../../db/repositories/projects";
import { artifactsOfRelease, findRelease, itemsOfReleases, type ReleaseRecord } from "../../db/repositories/releases";
import { readSettings } from "../services/environment-config";
import { config } from "../config";

/** Everything a step of a deployment needs to know, read fresh before each step. */
export interface DeploymentContext {
  deployment: DeploymentRecord;
  release: ReleaseRecord;
  environment: EnvironmentRecord;
  settings: EnvironmentSettings;
  project: ProjectRecord;
  artifacts: { name: string; version: string; url: string | null }[];
  itemIds: number[];
}

export async function loadDeploymentContext(store: Store, id: number): Promise<DeploymentContext> {
  const deployment = await findDeployment(store, id);
  if (!deployment) throw new DomainError("DEPLOYMENT.NOT_FOUND", `There is no deployment ${id}.`, { id });
  const [release, environment, project] = await Promise.all([
    findRelease(store, deployment.releaseId),
    findEnvironment(store, deployment.environmentId),
    findProjectById(store, deployment.projectId),
  ]);
  if (!release || !environment || !project)
    throw new DomainError("DEPLOYMENT.NOT_FOUND", `Deployment ${id}'s release or environment no longer exists.`, {
      id,
    });
  const artifacts = await artifactsOfRelease(store, release);
  const itemIds = (await itemsOfReleases(store, [release.id])).map((item) => item.id);
  return { deployment, release, environment, settings: readSettings(environment.config), project, artifacts, itemIds };
}

/** Whether this deployment ends by moving traffic (a blue-green promotion or rollback). */
export function switches(context: DeploymentContext): boolean {
  return context.environment.strategy === "blue-green" && context.deployment.purpose !== "deploy";
}

/** The slot traffic moves away from, when this deployment switches. */
export function fromSlot(context: DeploymentContext): Slot | null {
  const slot = context.deployment.slot;
  return isSlot(slot) ? otherSlot(slot) : null;
}

/** The variables every step's command gets, and the fields of every step's webhook body. */
export function stepVariables(context: DeploymentContext): Record<string, string> {
  const { deployment, release, environment, settings, project, artifacts } = context;
  const target = absoluteUrl(addressOf(settings, isSlot(deployment.slot) ? deployment.slot : null), config().publicUrl);
  return {
    SHIPLANE_PROJECT: project.slug,
    SHIPLANE_DEPLOYMENT: String(deployment.id),
    SHIPLANE_RELEASE: String(release.id),
    SHIPLANE_VERSION: release.version,
    SHIPLANE_COMMIT: release.commitSha,
    SHIPLANE_ENVIRONMENT: environment.name,
    SHIPLANE_SLOT: deployment.slot ?? "",
    SHIPLANE_ARTIFACTS: JSON.stringify(artifacts),
    SHIPLANE_TARGET_URL: target ?? "",
  };
}

export function webhookBody(
  context: DeploymentContext,
  step: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const { deployment, release, environment, project, artifacts } = context;
  return {
    step,
    project: project.slug,
    deployment: {
      id: deployment.id,
      purpose: deployment.purpose,
      slot: deployment.slot,
      triggeredBy: deployment.triggeredBy,
    },
    release: { id: release.id, version: release.version, commitSha: release.commitSha, artifacts },
    environment: {
      name: environment.name,
      kind: environment.kind,
      strategy: environment.strategy,
      activeSlot: environment.activeSlot,
    },
    targetUrl: stepVariables(context).SHIPLANE_TARGET_URL || null,
    ...extra,
  };
}

/** The fields every deployment event carries. */
export function payloadOf(context: DeploymentContext, extra: Record<string, unknown> = {}) {
  const { deployment, release, environment } = context;
  return {
    deploymentId: deployment.id,
    version: release.version,
    environment: environment.name,
    slot: deployment.slot,
    purpose: deployment.purpose,
    ...extra,
  };
}
