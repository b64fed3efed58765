import { evaluatePromotion } from "../../domain/release/promotion";
import { listAlerts } from "../../db/repositories/alerts";
import { deploymentsOfReleases } from "../../db/repositories/deployments";
import { listEnvironments, slotContents } from "../../db/repositories/environments";
import { servingDeployments } from "../../db/repositories/facts";
import { liveChanges } from "../../db/repositories/metrics";
import { findAlertEnvironmentLabel, findDeliveryPolicy, type ProjectRecord } from "../../db/repositories/projects";
import { itemsOfReleases, listReleases } from "../../db/repositories/releases";
import { regressionTotals } from "../../db/repositories/test-runs";
import { completed } from "../../domain/release/deployment-state";
import type { App } from "../app";
import { requireProject } from "./lookups";
import { projectGateFacts, promotionFacts, liveEnvironment, type ProjectGateFacts } from "./promotion-facts";
import { environmentView, policyView, releaseView, type ReleaseRows } from "./releases-view";

/** How many of the newest releases get their promotion gates evaluated on the overview. */
const GATED = 8;

/**
 * The releases × environments overview: each environment with its slots and schedule, each
 * release with its cards, its newest deployment per environment and its promotion gates.
 */
export async function getReleases(app: App, input: { project: string; limit?: number }) {
  const project = await requireProject(app.database, input.project);
  const now = app.now();
  const rows = await loadReleaseRows(app, project, input.limit ?? 30, now);
  const releases = [];
  let gateFacts: ProjectGateFacts | undefined;
  for (const [index, release] of rows.releases.entries()) {
    const promotion =
      index < GATED
        ? evaluatePromotion(
            await promotionFacts(
              app.database,
              release,
              now,
              (gateFacts ??= await projectGateFacts(app.database, project.id, now)),
            ),
          )
        : null;
    releases.push(releaseView(rows, release, promotion));
  }
  return {
    project: { slug: project.slug, name: project.name },
    environments: rows.environments.map((environment) => environmentView(rows, environment, now)),
    releases,
    policy: policyView(rows, now),
  };
}

/** Everything the overview shows, read in a fixed number of queries. */
async function loadReleaseRows(app: App, project: ProjectRecord, limit: number, now: Date): Promise<ReleaseRows> {
  const store = app.database;
  const [environments, releases, held, serving, policy, alerts, alertLabel] = await Promise.all([
    listEnvironments(store, project.id),
    listReleases(store, project.id, limit),
    slotContents(store, project.id),
    servingDeployments(store, project.id),
    findDeliveryPolicy(store, project.id),
    listAlerts(store, project.id, {}, 200),
    findAlertEnvironmentLabel(store, project.id),
  ]);
  const live = liveEnvironment(environments);
  // Each alert on live belongs to the release that was live when it started.
  const changes = live
    ? (await liveChanges(store, live.id, now))
        .filter(completed)
        .map((d) => ({ releaseId: d.releaseId, at: d.finishedAt! }))
    : [];
  const releaseIds = releases.map((r) => r.id);
  const [deployments, items] = await Promise.all([
    deploymentsOfReleases(store, releaseIds),
    itemsOfReleases(store, releaseIds),
  ]);
  const regression = await regressionTotals(
    store,
    deployments.map((d) => d.id),
  );
  return {
    keyPrefix: project.keyPrefix,
    environments,
    live,
    releases,
    held,
    serving,
    policy,
    alerts,
    alertLabel,
    changes,
    deployments,
    items,
    regression,
  };
}
