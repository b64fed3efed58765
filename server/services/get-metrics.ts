import { DomainError } from "../../domain/errors";
import { itemKey } from "../../domain/funnel/item";
import { isStageKey, STAGE_KEYS, type StageKey } from "../../domain/funnel/stages";
import { completed } from "../../domain/release/deployment-state";
import {
  BANDS,
  dora,
  firstLiveByRelease,
  failureRateBand,
  frequencyBand,
  leadTimeBand,
  recoveryBand,
  type DoraFigures,
} from "../../domain/metrics/dora";
import { cardsBehind, type Behind } from "../../db/repositories/metric-cards";
import { cumulativeFlow, DAY_MS, dayOf, funnel, isBackward, throughput } from "../../domain/metrics/flow";
import { distribution, summarise } from "../../domain/metrics/stats";
import { flakiestTests } from "../../db/repositories/pipeline";
import { listEnvironments } from "../../db/repositories/environments";
import {
  criticalAlerts,
  finishedItems,
  firstCommits,
  flowDeltas,
  funnelCounts,
  liveChanges,
  pipelineActivity,
  stageDurationPercentiles,
  transitions,
  type Range,
} from "../../db/repositories/metrics";
import type { App } from "../app";
import { liveEnvironment } from "./promotion-facts";
import { requireProject } from "./lookups";

export interface MetricsInput {
  project: string;
  /** YYYY-MM-DD (a UTC day, inclusive) or an ISO time; default 30 days before `to`. */
  from?: string | null;
  /** YYYY-MM-DD (inclusive) or an ISO time; default now. */
  to?: string | null;
  /** DORA: how long after a deployment a rollback or critical alert counts against it (hours, default 24). */
  windowHours?: number | null;
}

const MAX_RANGE = 2 * 366 * DAY_MS;

function parseBound(value: string, end: boolean): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime()))
    throw new DomainError("VALIDATION", `"${value}" is not a date: use YYYY-MM-DD or an ISO time.`, {
      field: end ? "to" : "from",
    });
  return day && end ? new Date(date.getTime() + DAY_MS) : date;
}

/** The range asked for, [from, to), checked. */
export async function metricsRange(
  app: App,
  input: MetricsInput,
): Promise<Range & { slug: string; keyPrefix: string }> {
  const project = await requireProject(app.database, input.project);
  const to = input.to ? parseBound(input.to, true) : app.now();
  const from = input.from ? parseBound(input.from, false) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to)
    throw new DomainError("VALIDATION", "The range is empty: `from` must be before `to`.", { field: "from" });
  if (to.getTime() - from.getTime() > MAX_RANGE)
    throw new DomainError("VALIDATION", "The range is longer than two years: choose a shorter one.", { field: "from" });
  return { projectId: project.id, from, to, slug: project.slug, keyPrefix: project.keyPrefix };
}

const rangeOf = (range: Range) => ({ from: range.from, to: range.to });

export async function funnelMetric(app: App, input: MetricsInput) {
  const range = await metricsRange(app, input);
  const [counts, moves] = await Promise.all([funnelCounts(app.database, range), transitions(app.database, range)]);
  const rejected = new Map<string, number>();
  const sentBack = new Map<string, number>();
  for (const move of moves) {
    if (move.to === "rejected") rejected.set(move.from, (rejected.get(move.from) ?? 0) + move.count);
    else if (isBackward(move.from, move.to)) sentBack.set(move.from, (sentBack.get(move.from) ?? 0) + move.count);
  }
  return { range: rangeOf(range), ...funnel(counts, rejected, sentBack) };
}

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export async function flowMetric(app: App, input: MetricsInput) {
  const range = await metricsRange(app, input);
  const [{ baseline, deltas }, finished] = await Promise.all([
    flowDeltas(app.database, range, app.now()),
    finishedItems(app.database, range),
  ]);
  const fromDay = dayOf(range.from);
  const toDay = dayOf(new Date(range.to.getTime() - 1));
  return {
    range: rangeOf(range),
    cumulativeFlow: cumulativeFlow(baseline, deltas, fromDay, toDay).map(({ day, counts }) => ({
      date: isoDay(day),
      ...counts,
    })),
    throughput: throughput(
      finished.map((item) => Math.floor(item.live / DAY_MS)),
      fromDay,
      toDay,
    ).map(({ week, items }) => ({ week: isoDay(week), items })),
  };
}

export async function leadTimeMetric(app: App, input: MetricsInput) {
  const range = await metricsRange(app, input);
  const [finished, durations] = await Promise.all([
    finishedItems(app.database, range),
    stageDurationPercentiles(app.database, range),
  ]);
  const ideaToLive = finished.map((item) => item.live - item.createdAt);
  const storyToLive = finished.map((item) => item.live - (item.story ?? item.createdAt));
  const codeToLive = finished.filter((item) => item.code !== null).map((item) => item.live - item.code!);
  const figure = (values: number[]) => ({ ...summarise(values), distribution: distribution(values) });
  const longest = [...finished]
    .sort((a, b) => b.live - b.createdAt - (a.live - a.createdAt))
    .slice(0, 10)
    .map((item) => ({
      id: item.id,
      key: itemKey(range.keyPrefix, item.number),
      title: item.title,
      leadTimeMs: item.live - item.createdAt,
      liveAt: new Date(item.live),
    }));
  return {
    range: rangeOf(range),
    finished: finished.length,
    leadTime: figure(ideaToLive),
    storyLeadTime: figure(storyToLive),
    cycleTime: figure(codeToLive),
    timeInStage: STAGE_KEYS.filter((stage) => stage !== "live").map((stage: StageKey) => ({
      stage,
      ...(durations.get(stage) ?? { count: 0, p50: null, p85: null, p95: null }),
    })),
    longest,
  };
}

async function doraFor(app: App, range: Range, windowMs: number): Promise<DoraFigures | null> {
  const live = liveEnvironment(await listEnvironments(app.database, range.projectId));
  if (!live) return null;
  const until = new Date(range.to.getTime() + windowMs);
  const [deployments, alerts] = await Promise.all([
    liveChanges(app.database, live.id, until),
    criticalAlerts(app.database, live.id, new Date(0), until),
  ]);
  // Only the changes of releases that first went live in the range are read.
  const finished = deployments.map((d) => ({ ...d, finishedAt: d.finishedAt! }));
  const releaseIds = [...firstLiveByRelease(finished)]
    .filter(([, at]) => at >= range.from && at < range.to)
    .map(([id]) => id);
  const commits = await firstCommits(app.database, releaseIds);
  return dora({
    from: range.from,
    to: range.to,
    deployments: finished,
    criticalAlerts: alerts,
    changes: commits.map((c) => ({ releaseId: c.releaseId, firstCommitAt: new Date(c.at) })),
    windowMs,
  });
}

export async function doraMetric(app: App, input: MetricsInput) {
  const range = await metricsRange(app, input);
  const windowHours = input.windowHours ?? 24;
  if (!(Number.isInteger(windowHours) && windowHours > 0 && windowHours <= 24 * 30))
    throw new DomainError("VALIDATION", "The failure window is 1 hour to 30 days, in whole hours.", {
      field: "windowHours",
    });
  const windowMs = windowHours * 3_600_000;
  const length = range.to.getTime() - range.from.getTime();
  const previousRange = { ...range, from: new Date(range.from.getTime() - length), to: range.from };
  const [current, previous] = await Promise.all([doraFor(app, range, windowMs), doraFor(app, previousRange, windowMs)]);
  const band = (figures: DoraFigures | null) =>
    figures && {
      deploymentFrequency: frequencyBand(figures.deploymentsPerDay),
      leadTime: figures.leadTimeMs === null ? null : leadTimeBand(figures.leadTimeMs),
      changeFailureRate: figures.changeFailureRate === null ? null : failureRateBand(figures.changeFailureRate),
      recovery: figures.recoveryMs === null ? null : recoveryBand(figures.recoveryMs),
    };
  return { range: rangeOf(range), windowHours, current, previous, bands: band(current), bandDefinitions: BANDS };
}

export async function pipelineMetric(app: App, input: MetricsInput) {
  const range = await metricsRange(app, input);
  const [activity, flaky] = await Promise.all([
    pipelineActivity(app.database, range),
    flakiestTests(app.database, range.projectId, range.from, 10),
  ]);
  const finishedBuilds = activity.builds.filter((b) => b.status === "passed" || b.status === "failed");
  const total = finishedBuilds.reduce((n, b) => n + b.count, 0);
  const byEnvironment = new Map<string, number[]>();
  for (const d of activity.deployments)
    if (completed(d))
      (byEnvironment.get(d.environment) ?? byEnvironment.set(d.environment, []).get(d.environment)!).push(d.ms);
  return {
    range: rangeOf(range),
    buildPassRate: total ? (finishedBuilds.find((b) => b.status === "passed")?.count ?? 0) / total : null,
    builds: total,
    suites: activity.suites.map((s) => ({ suite: s.suite, runs: s.runs, passRate: s.runs ? s.green / s.runs : null })),
    flaky,
    deploymentDurations: [...byEnvironment].map(([environment, values]) => ({ environment, ...summarise(values) })),
    timeline: {
      deployments: activity.deployments.map(({ ms, ...d }) => ({ ...d, durationMs: ms })),
      alerts: activity.alerts,
    },
  };
}

export const METRICS = {
  funnel: funnelMetric,
  flow: flowMetric,
  "lead-time": leadTimeMetric,
  dora: doraMetric,
  pipeline: pipelineMetric,
} as const;
export type MetricName = keyof typeof METRICS;

/** How many cards a "cards behind this figure" list shows. */
const BEHIND_LIMIT = 100;

/**
 * The cards behind one bar of the funnel (those that entered a stage in the range, or went on
 * from it) or one week of throughput (those that reached Live that week), to open from the chart.
 */
export async function metricCards(
  app: App,
  input: MetricsInput & { stage?: string | null; series?: "entered" | "reachedNext" | "live"; week?: string | null },
) {
  const range = await metricsRange(app, input);
  let behind: Behind;
  if (input.series === "live") {
    if (!input.week) throw new DomainError("VALIDATION", "Name the week (its Monday, YYYY-MM-DD).", { field: "week" });
    const from = parseBound(input.week, false);
    behind = { kind: "live", from, until: new Date(from.getTime() + 7 * DAY_MS) };
  } else {
    if (!input.stage || !isStageKey(input.stage))
      throw new DomainError("VALIDATION", "Name the stage: idea, story, code, build, test or live.", {
        field: "stage",
      });
    behind = { kind: input.series ?? "entered", stage: input.stage };
  }
  const { total, cards } = await cardsBehind(app.database, range, behind, BEHIND_LIMIT);
  return {
    total,
    cards: cards.map((card) => ({
      id: card.id,
      key: itemKey(range.keyPrefix, card.number),
      title: card.title,
      stage: card.stage,
    })),
  };
}
