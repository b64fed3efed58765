import { liveAt } from "../monitoring/alerts";
import { completed } from "../release/deployment-state";
import { median } from "./stats";

/** The DORA four keys for the live environment, from its deployments, rollbacks and alerts. */

export type Band = "elite" | "high" | "medium" | "low";

export interface LiveDeployment {
  id: number;
  releaseId: number;
  purpose: string;
  status: string;
  /** When it finished: went live (succeeded, later maybe rolled back) or failed. */
  finishedAt: Date;
  /** Which step failed, for a failed one. */
  phase: string | null;
}

export interface DoraInput {
  from: Date;
  to: Date;
  /** Every finished deployment to the live environment that could change what it serves (promotions and rollbacks). */
  deployments: LiveDeployment[];
  /** Critical alerts on live, by start. */
  criticalAlerts: { startsAt: Date; name: string }[];
  /** Per change (card) in a release: its first commit, and the release it shipped in. */
  changes: { releaseId: number; firstCommitAt: Date }[];
  windowMs: number;
}

export interface DoraFigures {
  deployments: number;
  /** Successful promotions per day in the range. */
  deploymentsPerDay: number;
  leadTimeMs: number | null;
  changeFailureRate: number | null;
  recoveryMs: number | null;
  failed: { deploymentId: number; cause: string }[];
}

/** When each release first went live: its first completed promotion (deployments in the order they finished). */
export function firstLiveByRelease(deployments: readonly LiveDeployment[]): Map<number, Date> {
  const firstLive = new Map<number, Date>();
  for (const d of deployments)
    if (d.purpose === "promote" && completed(d) && !firstLive.has(d.releaseId))
      firstLive.set(d.releaseId, d.finishedAt);
  return firstLive;
}

export function dora(input: DoraInput): DoraFigures {
  const inRange = (at: Date) => at >= input.from && at < input.to;
  const live = input.deployments.filter(completed).sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  // What served live from each moment: every successful promotion or rollback took over then.
  const changes = live.map((d) => ({ ...d, at: d.finishedAt }));
  const promotions = input.deployments.filter(
    (d) => d.purpose === "promote" && d.status !== "cancelled" && inRange(d.finishedAt),
  );
  const successful = promotions.filter(completed);

  const failed: DoraFigures["failed"] = [];
  const failureAt = new Map<number, Date>();
  for (const deployment of promotions) {
    const end = deployment.finishedAt.getTime() + input.windowMs;
    let cause: string | null = null;
    let at: Date | null = null;
    if (deployment.status === "failed") {
      cause = deployment.phase === "verify" ? "failed verification" : `failed at ${deployment.phase ?? "deploy"}`;
      at = deployment.finishedAt;
    } else {
      const next = changes.find((c) => c.at > deployment.finishedAt);
      if (next && next.purpose === "rollback" && next.at.getTime() <= end) {
        // Bad from the moment it went live; the rollback is the recovery.
        cause = "rolled back";
        at = deployment.finishedAt;
      }
      // An alert counts against the deployment live when it started, and only within the window.
      const alert = input.criticalAlerts
        .filter((a) => a.startsAt.getTime() <= end && liveAt(changes, a.startsAt)?.id === deployment.id)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
      if (alert && (!at || alert.startsAt < at)) {
        cause = `critical alert "${alert.name}"`;
        at = alert.startsAt;
      }
    }
    if (cause && at) {
      failed.push({ deploymentId: deployment.id, cause });
      failureAt.set(deployment.id, at);
    }
  }

  // Recovery: from the failure to the next successful live change (a promotion or a rollback).
  const recoveries: number[] = [];
  for (const at of failureAt.values()) {
    const next = changes.find((c) => c.at > at);
    if (next) recoveries.push(next.at.getTime() - at.getTime());
  }

  // Lead time for changes: a change's first commit to the first time its release went live.
  const firstLive = firstLiveByRelease(live);
  const leadTimes = input.changes
    .map((change) => ({ change, liveAt: firstLive.get(change.releaseId) }))
    .filter((x): x is { change: DoraInput["changes"][number]; liveAt: Date } => Boolean(x.liveAt && inRange(x.liveAt)))
    .map(({ change, liveAt: at }) => at.getTime() - change.firstCommitAt.getTime())
    .filter((ms) => ms >= 0);

  const days = Math.max(1, (input.to.getTime() - input.from.getTime()) / 86_400_000);
  return {
    deployments: successful.length,
    deploymentsPerDay: successful.length / days,
    leadTimeMs: median(leadTimes),
    changeFailureRate: promotions.length ? failed.length / promotions.length : null,
    recoveryMs: median(recoveries),
    failed,
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** DORA's performance bands (State of DevOps 2023), stated on the metrics page. */
export const BANDS = {
  deploymentFrequency:
    "Elite: on demand, several a day · High: daily to weekly · Medium: weekly to monthly · Low: less than monthly",
  leadTime: "Elite: under a day · High: a day to a week · Medium: a week to a month · Low: over a month",
  changeFailureRate: "Elite: 5% or less · High: up to 10% · Medium: up to 15% · Low: above 15%",
  recovery: "Elite: under an hour · High: under a day · Medium: a day to a week · Low: over a week",
};

export function frequencyBand(perDay: number): Band {
  return perDay >= 1 ? "elite" : perDay >= 1 / 7 ? "high" : perDay >= 1 / 30 ? "medium" : "low";
}

export function leadTimeBand(ms: number): Band {
  return ms < DAY ? "elite" : ms <= 7 * DAY ? "high" : ms <= 30 * DAY ? "medium" : "low";
}

export function failureRateBand(rate: number): Band {
  return rate <= 0.05 ? "elite" : rate <= 0.1 ? "high" : rate <= 0.15 ? "medium" : "low";
}

export function recoveryBand(ms: number): Band {
  return ms < HOUR ? "elite" : ms < DAY ? "high" : ms <= 7 * DAY ? "medium" : "low";
}
