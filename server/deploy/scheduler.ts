import { isDomainError } from "../../domain/errors";
import { dueRun } from "../../domain/release/calendar";
import { newestSucceededBefore } from "../../db/repositories/deployments";
import { scheduledEnvironments } from "../../db/repositories/environments";
import { findDeliveryPolicy } from "../../db/repositories/projects";
import { newestRelease } from "../../db/repositories/releases";
import { claimScheduleRun, setScheduleOutcome } from "../../db/repositories/schedules";
import { targetSlot } from "../../domain/release/environment";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { enqueue } from "../services/deploy-release";
import { readSettings } from "../services/environment-config";

export const SCHEDULER: Actor = { id: "scheduler", role: "release-manager" };
/** A run missed by more than this (no instance was up) is skipped, as cron skips it. */
const GRACE_MS = 10 * 60_000;

/**
 * Fires the environment schedules that are due: each deploys the project's newest green
 * release to its environment, unless that is already there or the line is stopped. Every
 * (environment, due time) is claimed first, so one instance fires it, once.
 */
export async function runDueSchedules(
  app: App,
): Promise<{ environment: string; dueAt: Date; outcome: string; deploymentId: number | null }[]> {
  const now = app.now();
  const fired = [];
  for (const environment of await scheduledEnvironments(app.database)) {
    const schedule = readSettings(environment.config).schedule;
    const dueAt = schedule ? dueRun(schedule.cron, schedule.timezone, now, GRACE_MS) : null;
    if (!dueAt) continue;
    const runId = await app.database.transaction((store) =>
      claimScheduleRun(store, environment.id, dueAt, app.runner.id, now),
    );
    if (runId === null) continue;
    let outcome = "deployed";
    let deploymentId: number | null = null;
    const [release, policy] = await Promise.all([
      newestRelease(app.database, environment.projectId),
      findDeliveryPolicy(app.database, environment.projectId),
    ]);
    const held = await newestSucceededBefore(
      app.database,
      environment.id,
      targetSlot(environment.strategy, environment.activeSlot),
    );
    if (!release) outcome = "skipped: no release yet";
    else if (policy.lineStoppedAt) outcome = `skipped: the line is stopped (${policy.lineStoppedReason ?? ""})`;
    else if (held?.releaseId === release.id) outcome = `skipped: ${release.version} is already deployed`;
    else {
      try {
        deploymentId = await enqueue(app, SCHEDULER, {
          release,
          environment,
          purpose: "deploy",
          details: { schedule: schedule!.cron, dueAt },
        });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        outcome = `skipped: ${error.message}`;
      }
    }
    await app.database.transaction((store) => setScheduleOutcome(store, runId, outcome, deploymentId));
    fired.push({ environment: environment.name, dueAt, outcome, deploymentId });
  }
  return fired;
}
