import { STAGE_KEYS, stageIndex, type StageKey } from "../funnel/stages";

/** The funnel, the cumulative flow and throughput, from stage intervals aggregated by the database. */

export const DAY_MS = 86_400_000;

/** UTC day number (days since 1970-01-01) of a time; metrics bucket by UTC days and ISO weeks. */
export function dayOf(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** The Monday (UTC) that starts the ISO week of a day number (day 0, 1970-01-01, was a Thursday). */
export function weekStartOf(day: number): number {
  return day - ((day + 3) % 7);
}

export interface FunnelRow {
  stage: string;
  entered: number;
  reachedNext: number;
  reachedLive: number;
}

export interface FunnelStage {
  stage: StageKey;
  entered: number;
  reachedNext: number;
  /** Of the items that entered this stage in the range, the share that went on to the next. */
  conversion: number | null;
  rejected: number;
  sentBack: number;
}

export interface Funnel {
  stages: FunnelStage[];
  /** Ideas that entered in the range and became stories. */
  ideaToStory: number | null;
  /** Stories that entered in the range and reached Live. */
  storyToLive: number | null;
}

export function funnel(
  rows: FunnelRow[],
  rejectedFrom: Map<string, number>,
  sentBackFrom: Map<string, number>,
): Funnel {
  const by = new Map(rows.map((row) => [row.stage, row]));
  const share = (part: number, whole: number) => (whole ? part / whole : null);
  const stages = STAGE_KEYS.map((stage) => {
    const row = by.get(stage) ?? { stage, entered: 0, reachedNext: 0, reachedLive: 0 };
    return {
      stage,
      entered: row.entered,
      reachedNext: stage === "live" ? 0 : row.reachedNext,
      conversion: stage === "live" ? null : share(row.reachedNext, row.entered),
      rejected: rejectedFrom.get(stage) ?? 0,
      sentBack: sentBackFrom.get(stage) ?? 0,
    };
  });
  const idea = by.get("idea");
  const story = by.get("story");
  return {
    stages,
    ideaToStory: idea ? share(idea.reachedNext, idea.entered) : null,
    storyToLive: story ? share(story.reachedLive, story.entered) : null,
  };
}

export interface FlowDelta {
  stage: string;
  day: number;
  entered: number;
  left: number;
}

/**
 * Items in each stage at the end of each day of [fromDay, toDay], from the count in each stage
 * at the start and each day's entries and exits.
 */
export function cumulativeFlow(
  baseline: Map<string, number>,
  deltas: FlowDelta[],
  fromDay: number,
  toDay: number,
): { day: number; counts: Record<StageKey, number> }[] {
  const byDay = new Map<number, FlowDelta[]>();
  for (const delta of deltas) (byDay.get(delta.day) ?? byDay.set(delta.day, []).get(delta.day)!).push(delta);
  const counts = Object.fromEntries(STAGE_KEYS.map((stage) => [stage, baseline.get(stage) ?? 0])) as Record<
    StageKey,
    number
  >;
  const series = [];
  for (let day = fromDay; day <= toDay; day++) {
    for (const delta of byDay.get(day) ?? []) {
      if ((STAGE_KEYS as readonly string[]).includes(delta.stage))
        counts[delta.stage as StageKey] += delta.entered - delta.left;
    }
    series.push({ day, counts: { ...counts } });
  }
  return series;
}

/** Items that first reached Live, per ISO week (weeks with none included). */
export function throughput(firstLiveDays: number[], fromDay: number, toDay: number): { week: number; items: number }[] {
  const weeks = new Map<number, number>();
  for (let week = weekStartOf(fromDay); week <= toDay; week += 7) weeks.set(week, 0);
  for (const day of firstLiveDays) {
    const week = weekStartOf(day);
    if (weeks.has(week)) weeks.set(week, weeks.get(week)! + 1);
  }
  return [...weeks].map(([week, items]) => ({ week, items }));
}

/** Stage order for SQL CASE expressions and backward-move checks. */
export function isBackward(from: string, to: string): boolean {
  const known = (s: string): s is StageKey => (STAGE_KEYS as readonly string[]).includes(s);
  return known(from) && known(to) && stageIndex(to) < stageIndex(from);
}
