import { verificationOf } from "../../domain/delivery/item-facts";
import { itemKey } from "../../domain/funnel/item";
import { alertSummary, environmentLabels, liveAt } from "../../domain/monitoring/alerts";
import { activeFreeze, nextRun } from "../../domain/release/calendar";
import { SLOTS } from "../../domain/release/environment";
import type { PromotionDecision } from "../../domain/release/promotion";
import type { AlertRecord } from "../../db/repositories/alerts";
import type { DeploymentRecord } from "../../db/repositories/deployments";
import type { EnvironmentRecord } from "../../db/repositories/environments";
import type { DeliveryPolicy } from "../../db/repositories/projects";
import type { ReleaseItemRecord, ReleaseRecord } from "../../db/repositories/releases";
import { readSettings, redactSettings } from "./environment-config";

/** The rows the releases overview is built from (see get-releases.ts). */
export interface ReleaseRows {
  keyPrefix: string;
  environments: EnvironmentRecord[];
  live: EnvironmentRecord | null;
  releases: ReleaseRecord[];
  /** What each environment slot holds: its newest successful deployment. */
  held: { environmentId: number; slot: string | null; deploymentId: number }[];
  serving: Set<number>;
  policy: DeliveryPolicy;
  alerts: AlertRecord[];
  alertLabel: string | null;
  /** When each release went live, for attributing alerts. */
  changes: { releaseId: number; at: Date }[];
  deployments: DeploymentRecord[];
  items: ReleaseItemRecord[];
  regression: Map<number, { passed: number; failed: number }>;
}

const alertView = (a: AlertRecord) => ({
  id: a.id,
  name: a.name,
  severity: a.severity,
  status: a.status,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
  summary: alertSummary(a),
});

/** The version a deployment of one of the listed releases carries. */
function versionOf(rows: ReleaseRows, deploymentId: number): string | null {
  const deployment = rows.deployments.find((d) => d.id === deploymentId);
  return deployment ? (rows.releases.find((r) => r.id === deployment.releaseId)?.version ?? null) : null;
}

/** An environment: what it serves, its slots, its schedule and its firing alerts. */
export function environmentView(rows: ReleaseRows, environment: EnvironmentRecord, now: Date) {
  const settings = readSettings(environment.config);
  const held = rows.held.filter((h) => h.environmentId === environment.id);
  const slots =
    environment.strategy === "blue-green"
      ? SLOTS.map((slot) => {
          const content = held.find((h) => h.slot === slot) ?? null;
          return {
            slot,
            active: environment.activeSlot === slot,
            deploymentId: content?.deploymentId ?? null,
            version: content ? versionOf(rows, content.deploymentId) : null,
            url: settings.slots[slot],
          };
        })
      : [];
  const current = held.find((h) => rows.serving.has(h.deploymentId)) ?? null;
  return {
    id: environment.id,
    name: environment.name,
    kind: environment.kind,
    strategy: environment.strategy,
    activeSlot: environment.activeSlot,
    status: environment.status,
    provisionLog: environment.provisionLog,
    settings: redactSettings(settings),
    serving: current ? { deploymentId: current.deploymentId, version: versionOf(rows, current.deploymentId) } : null,
    slots,
    schedule: settings.schedule
      ? { ...settings.schedule, next: nextRun(settings.schedule.cron, settings.schedule.timezone, now) }
      : null,
    firingAlerts: rows.alerts.filter((a) => a.environmentId === environment.id && a.status === "firing").map(alertView),
  };
}

/** A release's newest deployment in each environment. */
function cellsOf(rows: ReleaseRows, release: ReleaseRecord) {
  const own = rows.deployments.filter((d) => d.releaseId === release.id);
  return rows.environments.map((environment) => {
    const newest = own.filter((d) => d.environmentId === environment.id).at(-1);
    if (!newest) return { environment: environment.name, deployment: null };
    const regression = rows.regression.get(newest.id) ?? null;
    const verdict = verificationOf({ verifyStatus: newest.verifyStatus, regression });
    return {
      environment: environment.name,
      deployment: {
        id: newest.id,
        status: newest.status,
        phase: newest.phase,
        purpose: newest.purpose,
        verification: newest.verifyStatus === "running" ? ("running" as const) : verdict,
        regression,
        slot: newest.slot,
        by: newest.triggeredBy,
        queuedAt: newest.queuedAt,
        finishedAt: newest.finishedAt,
        error: newest.error,
        serving: rows.serving.has(newest.id),
        active: newest.finishedAt === null,
        /** Forced past its gates by an admin: the written reason. */
        forced: newest.request?.forced ? String(newest.request.reason ?? "") : null,
      },
    };
  });
}

/** A release: its cards, its deployments per environment, the alerts of its time live, and its gates. */
export function releaseView(rows: ReleaseRows, release: ReleaseRecord, promotion: PromotionDecision | null) {
  return {
    id: release.id,
    version: release.version,
    commitSha: release.commitSha,
    createdAt: release.createdAt,
    pinned: release.pinnedAt ? (release.pinnedReason ?? "rolled back") : null,
    items: rows.items
      .filter((item) => item.releaseId === release.id)
      .map((item) => ({
        id: item.id,
        key: itemKey(rows.keyPrefix, item.number),
        title: item.title,
        stage: item.stage,
        needsManualQa: item.needsManualQa,
        qaSignedOffBy: item.qaSignedOffBy,
        qaSignedOffAt: item.qaSignedOffAt,
      })),
    cells: cellsOf(rows, release),
    alerts: rows.alerts
      .filter((a) => a.environmentId === rows.live?.id && liveAt(rows.changes, a.startsAt)?.releaseId === release.id)
      .map(alertView),
    promotion: promotion && { allowed: promotion.allowed, reasons: promotion.reasons, checks: promotion.checks },
  };
}

/** The release policy: automatic promotion, the stopped line, freeze windows and the alert labels. */
export function policyView(rows: ReleaseRows, now: Date) {
  const { policy } = rows;
  const freeze = activeFreeze(policy.freezeWindows, now);
  return {
    autoPromote: policy.autoPromote,
    lineStopped: policy.lineStoppedAt
      ? { at: policy.lineStoppedAt, by: policy.lineStoppedBy, reason: policy.lineStoppedReason }
      : null,
    freezeWindows: policy.freezeWindows,
    freezeNow: freeze ? { note: freeze.window.note ?? null, endsAt: freeze.endsAt } : null,
    alertEnvironmentLabels: environmentLabels(rows.alertLabel),
  };
}
