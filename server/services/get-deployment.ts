import { itemKey } from "../../domain/funnel/item";
import { readLog } from "../../db/repositories/deployments";
import { findEnvironment } from "../../db/repositories/environments";
import { listProjectEventsSince } from "../../db/repositories/events";
import { servingDeployments } from "../../db/repositories/facts";
import { findProjectById } from "../../db/repositories/projects";
import { findRelease, itemsOfReleases } from "../../db/repositories/releases";
import { failingCasesOfDeployment, testRunsOfDeployment } from "../../db/repositories/test-runs";
import type { App } from "../app";
import { requireDeployment } from "./lookups";

export const DEPLOYMENT_EVENTS = [
  "deployment.queued",
  "deployment.started",
  "deployment.succeeded",
  "deployment.failed",
  "deployment.cancelled",
  "verification.passed",
  "verification.failed",
  "environment.switched",
  "promotion.requested",
  "promotion.done",
  "promotion.failed",
  "rollback.requested",
  "rollback.done",
  "rollback.failed",
];

/** A deployment with its log (or its last `tailLines` lines), regression results and events. */
export async function getDeployment(app: App, id: number, options: { tailLines?: number } = {}) {
  const deployment = await requireDeployment(app.database, id);
  const [release, environment, project, log, runs, failing, items, serving] = await Promise.all([
    findRelease(app.database, deployment.releaseId),
    findEnvironment(app.database, deployment.environmentId),
    findProjectById(app.database, deployment.projectId),
    readLog(app.database, id),
    testRunsOfDeployment(app.database, id),
    failingCasesOfDeployment(app.database, id, 50),
    itemsOfReleases(app.database, [deployment.releaseId]),
    servingDeployments(app.database, deployment.projectId),
  ]);
  const events = (
    await listProjectEventsSince(
      app.database,
      deployment.projectId,
      DEPLOYMENT_EVENTS,
      new Date(deployment.queuedAt.getTime() - 1000),
    )
  ).filter((event) => event.payload.deploymentId === id);
  const lines = log.split("\n");
  const tail =
    options.tailLines && lines.length > options.tailLines ? lines.slice(-options.tailLines - 1).join("\n") : log;
  return {
    id,
    project: project?.slug ?? "",
    release: { id: deployment.releaseId, version: release?.version ?? "?" },
    environment: environment?.name ?? "?",
    slot: deployment.slot,
    purpose: deployment.purpose,
    status: deployment.status,
    phase: deployment.phase,
    verifyStatus: deployment.verifyStatus,
    switchStatus: deployment.switchStatus,
    error: deployment.error,
    triggeredBy: deployment.triggeredBy,
    queuedAt: deployment.queuedAt,
    startedAt: deployment.startedAt,
    finishedAt: deployment.finishedAt,
    /** It is what its environment serves now. */
    serving: serving.has(id),
    log: tail,
    logTruncated: tail.length < log.length,
    testRuns: runs,
    failingTests: failing,
    items: items.map((item) => ({
      id: item.id,
      key: itemKey(project?.keyPrefix ?? "", item.number),
      title: item.title,
      stage: item.stage,
    })),
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      actor: event.actor,
      at: event.at,
      payload: event.payload,
    })),
  };
}

export type DeploymentView = Awaited<ReturnType<typeof getDeployment>>;
