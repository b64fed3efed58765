import { verificationOf } from "../../domain/delivery/item-facts";
import { alertSummary, environmentLabels, liveAt } from "../../domain/monitoring/alerts";
import { listAlerts } from "../../db/repositories/alerts";
import { liveChanges } from "../../db/repositories/metrics";
import { itemKey } from "../../domain/funnel/item";
import { activeFreeze, nextRun } from "../../domain/release/calendar";
import { completed } from "../../domain/release/deployment-state";
import { SLOTS } from "../../domain/release/environment";
import { evaluatePromotion } from "../../domain/release/promotion";
import { deploymentsOfReleases } from "../../db/repositories/deployments";
import { listEnvironments, slotContents } from "../../db/repositories/environments";
import { servingDeployments } from "../../db/repositories/facts";
import { findAlertEnvironmentLabel, findDeliveryPolicy } from "../../db/repositories/projects";
import { itemsOfReleases, listReleases } from "../../db/repositories/releases";
import { regressionTotals } from "../../db/repositories/test-runs";
import type { App } from "../app";
import { liveEnvironment, projectGateFacts, promotionFacts, type ProjectGateFacts } from "./promotion-facts";
import { readSettings, redactSettings } from "./environment-config";
import { requireProject } from "./lookups";

/** How many of the newest releases get their promotion gates evaluated on the overview. */
const GATED = 8;

/**
 * The releases × environments overview: each environment with its slots and schedule, each
 * release with its cards, its newest deployment per environment and its promotion gates.
 */
export async function getReleases(app: App, input: { project: string; limit?: number }) {
  const project = await requireProject(app.database, input.project);
  const now = app.now();
  const [environments, releases, held, serving, policy, alerts] = await Promise.all([
    listEnvironments(app.database, project.id),
    listReleases(app.database, project.id, input.limit ?? 30),
    slotContents(app.database, project.id),
    servingDeployments(app.database, project.id),
    findDeliveryPolicy(app.database, project.id),
    listAlerts(app.database, project.id, {}, 200),
  ]);
  const alertLabel = await findAlertEnvironmentLabel(app.database, project.id);
  const live = liveEnvironment(environments);
  // Each alert on live belongs to the release that was live when it started.
  const changes = live
    ? (await liveChanges(app.database, live.id, now))
        .filter(completed)
        .map((d) => ({ releaseId: d.releaseId, at: d.finishedAt! }))
    : [];
  const alertView = (a: (typeof alerts)[number]) => ({
    id: a.id,
    name: a.name,
    severity: a.severity,
    status: a.status,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    summary: alertSummary(a),
  });
  const releaseIds = releases.map((r) => r.id);
  const [deployments, items] = await Promise.all([
    deploymentsOfReleases(app.database, releaseIds),
    itemsOfReleases(app.database, releaseIds),
  ]);
  const regression = await regressionTotals(
    app.database,
    deployments.map((d) => d.id),
  );
  const versionOf = (deploymentId: number) => {
    const deployment = deployments.find((d) => d.id === deploymentId);
    return deployment ? (releases.find((r) => r.id === deployment.releaseId)?.version ?? null) : null;
  };

  const environmentViews = environments.map((environment) => {
    const settings = readSettings(environment.config);
    const slotOf = (slot: string | null) =>
      held.find((h) => h.environmentId === environment.id && h.slot === slot) ?? null;
    const slots =
      environment.strategy === "blue-green"
        ? SLOTS.map((slot) => {
            const content = slotOf(slot);
            return {
              slot,
              active: environment.activeSlot === slot,
              deploymentId: content?.deploymentId ?? null,
              version: content ? versionOf(content.deploymentId) : null,
              url: settings.slots[slot],
            };
          })
        : [];
    const current = held.find((h) => h.environmentId === environment.id && serving.has(h.deploymentId)) ?? null;
    return {
      id: environment.id,
      name: environment.name,
      kind: environment.kind,
      strategy: environment.strategy,
      activeSlot: environment.activeSlot,
      status: environment.status,
      provisionLog: environment.provisionLog,
      settings: redactSettings(settings),
      serving: current ? { deploymentId: current.deploymentId, version: versionOf(current.deploymentId) } : null,
      slots,
      schedule: settings.schedule
        ? { ...settings.schedule, next: nextRun(settings.schedule.cron, settings.schedule.timezone, now) }
        : null,
      firingAlerts: alerts.filter((a) => a.environmentId === environment.id && a.status === "firing").map(alertView),
    };
  });

  const releaseViews = [];
  let gateFacts: ProjectGateFacts | undefined;
  for (const [index, release] of releases.entries()) {
    const own = deployments.filter((d) => d.releaseId === release.id);
    const cells = environments.map((environment) => {
      const newest = own.filter((d) => d.environmentId === environment.id).at(-1);
      if (!newest) return { environment: environment.name, deployment: null };
      const verdict = verificationOf({
        verifyStatus: newest.verifyStatus,
        regression: regression.get(newest.id) ?? null,
      });
      return {
        environment: environment.name,
        deployment: {
          id: newest.id,
          status: newest.status,
          phase: newest.phase,
          purpose: newest.purpose,
          verification: newest.verifyStatus === "running" ? ("running" as const) : verdict,
          regression: regression.get(newest.id) ?? null,
          slot: newest.slot,
          by: newest.triggeredBy,
          queuedAt: newest.queuedAt,
          finishedAt: newest.finishedAt,
          error: newest.error,
          serving: serving.has(newest.id),
          active: newest.finishedAt === null,
        },
      };
    });
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
    releaseViews.push({
      id: release.id,
      version: release.version,
      commitSha: release.commitSha,
      createdAt: release.createdAt,
      pinned: release.pinnedAt ? (release.pinnedReason ?? "rolled back") : null,
      items: items
        .filter((item) => item.releaseId === release.id)
        .map((item) => ({
          id: item.id,
          key: itemKey(project.keyPrefix, item.number),
          title: item.title,
          stage: item.stage,
          needsManualQa: item.needsManualQa,
          qaSignedOffBy: item.qaSignedOffBy,
          qaSignedOffAt: item.qaSignedOffAt,
        })),
      cells,
      alerts: alerts
        .filter((a) => a.environmentId === live?.id && liveAt(changes, a.startsAt)?.releaseId === release.id)
        .map(alertView),
      promotion: promotion && { allowed: promotion.allowed, reasons: promotion.reasons, checks: promotion.checks },
    });
  }
  const freeze = activeFreeze(policy.freezeWindows, now);
  return {
    project: { slug: project.slug, name: project.name },
    environments: environmentViews,
    releases: releaseViews,
    policy: {
      autoPromote: policy.autoPromote,
      lineStopped: policy.lineStoppedAt
        ? { at: policy.lineStoppedAt, by: policy.lineStoppedBy, reason: policy.lineStoppedReason }
        : null,
      freezeWindows: policy.freezeWindows,
      freezeNow: freeze ? { note: freeze.window.note ?? null, endsAt: freeze.endsAt } : null,
      alertEnvironmentLabels: environmentLabels(alertLabel),
    },
  };
}

export type ReleasesView = Awaited<ReturnType<typeof getReleases>>;
