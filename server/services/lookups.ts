import { DomainError } from "../../domain/errors";
import type { Store } from "../../db/client";
import { findProjectBySlug, type ProjectRecord } from "../../db/repositories/projects";
import { findItem, type ItemRecord } from "../../db/repositories/items";
import { findDeployment, type DeploymentRecord } from "../../db/repositories/deployments";
import { findEnvironmentByName, listEnvironments, type EnvironmentRecord } from "../../db/repositories/environments";
import { findRelease, type ReleaseRecord } from "../../db/repositories/releases";

export async function requireProject(store: Store, slug: string): Promise<ProjectRecord> {
  const project = await findProjectBySlug(store, slug);
  if (!project) {
    throw new DomainError(
      "PROJECT.NOT_FOUND",
      `There is no project "${slug}". List them with "shiplane project list" or GET /api/v1/projects.`,
      { project: slug },
    );
  }
  return project;
}

export const itemNotFound = (id: number) =>
  new DomainError("ITEM.NOT_FOUND", `There is no card with id ${id}.`, { id });

export const releaseNotFound = (id: number) =>
  new DomainError(
    "RELEASE.NOT_FOUND",
    `There is no release with id ${id}. List them with GET /api/v1/projects/{project}/releases.`,
    { id },
  );

export const deploymentNotFound = (id: number) =>
  new DomainError("DEPLOYMENT.NOT_FOUND", `There is no deployment with id ${id}.`, { id });

export async function requireItem(store: Store, id: number): Promise<ItemRecord> {
  const item = await findItem(store, id);
  if (!item) throw itemNotFound(id);
  return item;
}

/** A card that is on the board (not archived). */
export async function requireActiveItem(store: Store, id: number): Promise<ItemRecord> {
  const item = await requireItem(store, id);
  if (item.stage === "rejected") {
    throw new DomainError("ITEM.ARCHIVED", `Card ${id} is archived (rejected): restore it before changing it.`, { id });
  }
  return item;
}

/** Refuses a write based on an old version; the error carries the card as it is now. */
export async function checkVersion(
  item: ItemRecord,
  expectedVersion: number | undefined,
  currentCard: () => Promise<unknown>,
): Promise<void> {
  if (expectedVersion !== undefined && expectedVersion !== item.version) {
    throw new DomainError(
      "ITEM.STALE_VERSION",
      `Someone changed this card since you loaded it (version ${expectedVersion}, now ${item.version}). Reload it and try again.`,
      { currentVersion: item.version, current: await currentCard() },
    );
  }
}

export async function requireRelease(store: Store, id: number): Promise<ReleaseRecord> {
  const release = await findRelease(store, id);
  if (!release) throw releaseNotFound(id);
  return release;
}

export async function requireEnvironment(store: Store, projectId: number, name: string): Promise<EnvironmentRecord> {
  const environment = await findEnvironmentByName(store, projectId, name);
  if (!environment) {
    const names = (await listEnvironments(store, projectId)).map((e) => e.name);
    throw new DomainError(
      "ENVIRONMENT.NOT_FOUND",
      `There is no environment "${name}"${names.length ? `; this project has ${names.join(", ")}` : ""}.`,
      { environment: name },
    );
  }
  return environment;
}

export async function requireDeployment(store: Store, id: number): Promise<DeploymentRecord> {
  const deployment = await findDeployment(store, id);
  if (!deployment) throw deploymentNotFound(id);
  return deployment;
}
