import { isDomainError } from "../../domain/errors";
import { lastSwitch } from "../../db/repositories/deployments";
import { findEnvironment } from "../../db/repositories/environments";
import { findRelease } from "../../db/repositories/releases";
import type { App } from "../app";
import { rollbackEnvironment } from "./rollback-environment";
import { readSettings } from "./environment-config";
import { SYSTEM } from "../../domain/access/actor";

/**
 * A blue-green environment whose policy says so switches back on its own when a critical alert
 * starts within N minutes of a promotion's switch; the rollback's event names the alert.
 */
export async function considerAutoRollback(
  app: App,
  project: string,
  alert: { name: string; environmentId: number; startsAt: Date },
): Promise<number | null> {
  const environment = await findEnvironment(app.database, alert.environmentId);
  if (!environment || environment.strategy !== "blue-green") return null;
  const policy = readSettings(environment.config).autoRollback;
  if (!policy) return null;
  const switched = await lastSwitch(app.database, environment.id);
  if (!switched?.finishedAt || switched.purpose !== "promote") return null;
  const after = alert.startsAt.getTime() - switched.finishedAt.getTime();
  if (after < 0 || after > policy.withinMinutes * 60_000) return null;
  const release = await findRelease(app.database, switched.releaseId);
  const minutes = Math.round(after / 60_000);
  const reason = `Critical alert "${alert.name}" fired ${minutes} min after ${release?.version ?? "the release"} went live on ${environment.name}.`;
  try {
    const rollback = await rollbackEnvironment(app, SYSTEM, {
      project,
      environment: environment.name,
      reason,
      alert: alert.name,
    });
    return rollback.deploymentId;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    console.error(`Automatic rollback of ${environment.name} refused: ${error.message}`);
    return null;
  }
}
