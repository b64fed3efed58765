import { and, eq, gte, inArray, isNotNull, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { STAGE_KEYS } from "../../domain/funnel/stages";
import { timeParam, type Store } from "../client";

/**
 * The aggregates behind the metrics page, computed by the database (both dialects): counts,
 * day buckets and durations. Domain functions turn them into figures.
 */

export interface Range {
  projectId: number;
  from: Date;
  to: Date;
}

/** A timestamp column in epoch milliseconds (SQLite stores them so; PostgreSQL converts). */
function epochMs(store: Store, column: SQLWrapper): SQL<number> {
  return store.dialect === "sqlite"
    ? sql<number>`${column}`
    : sql<number>`(extract(epoch from ${column}) * 1000)::bigint`;
}

/** The UTC day number of a timestamp column. */
function dayOf(store: Store, column: SQLWrapper): SQL<number> {
  return store.dialect === "sqlite"
    ? sql<number>`(${column} / 86400000)`
    : sql<number>`floor(extract(epoch from ${column}) / 86400)::int`;
}

const num = (value: unknown) => Number(value ?? 0);

/**
 * Per stage: items that entered it in the range, and of those how many went on to the next
 * stage and to Live — read from the stays themselves (each notes when it led on), by one
 * index-only pass over the range.
 */
export async function funnelCounts(store: Store, range: Range) {
  const s = store.t.stageIntervals;
  const before = (column: SQLWrapper) => sql`${column} < ${timeParam(store, range.to)}`;
  const rows = await store.db
    .select({
      stage: s.stage,
      entered: sql<number>`count(distinct ${s.itemId})`,
      reachedNext: sql<number>`count(distinct case when ${before(s.nextAt)} then ${s.itemId} end)`,
      reachedLive: sql<number>`count(distinct case when ${before(s.liveAt)} then ${s.itemId} end)`,
    })
    .from(s)
    .where(
      and(
        eq(s.projectId, range.projectId),
        gte(s.enteredAt, range.from),
        lt(s.enteredAt, range.to),
        inArray(s.stage, [...STAGE_KEYS]),
      ),
    )
    .groupBy(s.stage);
  return rows.map((row) => ({
    stage: row.stage,
    entered: num(row.entered),
    reachedNext: num(row.reachedNext),
    reachedLive: num(row.reachedLive),
  }));
}

/** Moves that ended in the range, as (from stage, to stage) pairs: rejections and moves back. */
export async function transitions(store: Store, range: Range) {
  const s = store.t.stageIntervals;
  const rows = await store.db
    .select({ from: s.fromStage, to: s.stage, count: sql<number>`count(*)` })
    .from(s)
    .where(
      and(
        eq(s.projectId, range.projectId),
        gte(s.enteredAt, range.from),
        lt(s.enteredAt, range.to),
        isNotNull(s.fromStage),
      ),
    )
    .groupBy(s.fromStage, s.stage);
  return rows.map((row) => ({ from: row.from!, to: row.to, count: num(row.count) }));
}

/**
 * Each day's entries and exits per stage from the range's start until now, and the stays open
 * now: the count in each stage at the start is what is open now, less what entered since, plus
 * what left since — so only the days from the range's start on are read.
 */
export async function flowDeltas(store: Store, range: Range, now: Date) {
  const s = store.t.stageIntervals;
  const until = now > range.to ? now : range.to;
  const [open, entries, exits] = await Promise.all([
    store.db
      .select({ stage: s.stage, count: sql<number>`count(*)` })
      .from(s)
      .where(and(eq(s.projectId, range.projectId), sql`${s.leftAt} is null`))
      .groupBy(s.stage),
    store.db
      .select({ stage: s.stage, day: dayOf(store, s.enteredAt), count: sql<number>`count(*)` })
      .from(s)
      .where(and(eq(s.projectId, range.projectId), gte(s.enteredAt, range.from), lt(s.enteredAt, until)))
      .groupBy(s.stage, dayOf(store, s.enteredAt)),
    store.db
      .select({ stage: s.stage, day: dayOf(store, s.leftAt), count: sql<number>`count(*)` })
      .from(s)
      .where(and(eq(s.projectId, range.projectId), gte(s.leftAt, range.from), lt(s.leftAt, until)))
      .groupBy(s.stage, dayOf(store, s.leftAt)),
  ]);
  const baseline = new Map(open.map((row) => [row.stage, num(row.count)]));
  const deltas = new Map<string, { stage: string; day: number; entered: number; left: number }>();
  const entry = (stage: string, day: number) => {
    const key = `${stage}|${day}`;
    return deltas.get(key) ?? deltas.set(key, { stage, day, entered: 0, left: 0 }).get(key)!;
  };
  for (const row of entries) {
    entry(row.stage, num(row.day)).entered += num(row.count);
    baseline.set(row.stage, (baseline.get(row.stage) ?? 0) - num(row.count));
  }
  for (const row of exits) {
    entry(row.stage, num(row.day)).left += num(row.count);
    baseline.set(row.stage, (baseline.get(row.stage) ?? 0) + num(row.count));
  }
  return { baseline, deltas: [...deltas.values()] };
}

/** Items that first reached Live in the range, with when they were created and first entered Story and Code. */
export async function finishedItems(store: Store, range: Range) {
  const { stageIntervals: s, workItems: w } = store.t;
  const first = (stage: string) => sql`min(case when ${s.stage} = ${stage} then ${epochMs(store, s.enteredAt)} end)`;
  // Only the cards that entered Live in the range are read; of those, the ones that had been live before drop out.
  const wentLive = sql`select l.item_id from stage_intervals l where l.project_id = ${range.projectId} and l.stage = 'live' and l.entered_at >= ${timeParam(store, range.from)} and l.entered_at < ${timeParam(store, range.to)}`;
  const rows = await store.db
    .select({
      id: w.id,
      number: w.number,
      title: w.title,
      createdAt: epochMs(store, w.createdAt),
      story: first("story"),
      code: first("code"),
      live: first("live"),
    })
    .from(s)
    .innerJoin(w, eq(w.id, s.itemId))
    .where(and(sql`${s.itemId} in (${wentLive})`, inArray(s.stage, ["story", "code", "live"])))
    .groupBy(w.id, w.number, w.title, w.createdAt)
    .having(gte(first("live"), range.from.getTime()));
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    title: row.title,
    createdAt: num(row.createdAt),
    story: row.story === null ? null : num(row.story),
    code: row.code === null ? null : num(row.code),
    live: num(row.live),
  }));
}

/**
 * Per stage, of the stays that ended in the range: how many, and the nearest-rank p50, p85 and
 * p95 of their lengths (ms) — ranked by the database, so only three rows a stage come back.
 */
export async function stageDurationPercentiles(store: Store, range: Range) {
  const s = store.t.stageIntervals;
  const length = sql`${epochMs(store, s.leftAt)} - ${epochMs(store, s.enteredAt)}`;
  if (store.dialect === "postgres") {
    // PostgreSQL's ordered-set aggregate is the same nearest rank, without a window.
    const rows = await store.db
      .select({
        stage: s.stage,
        count: sql<number>`count(*)`,
        ranks: sql<string[]>`percentile_disc(array[0.5, 0.85, 0.95]) within group (order by ${length})`,
      })
      .from(s)
      .where(
        and(
          eq(s.projectId, range.projectId),
          gte(s.leftAt, range.from),
          lt(s.leftAt, range.to),
          inArray(s.stage, [...STAGE_KEYS]),
        ),
      )
      .groupBy(s.stage);
    return new Map(
      rows.map((row) => [
        row.stage,
        { count: num(row.count), p50: num(row.ranks[0]), p85: num(row.ranks[1]), p95: num(row.ranks[2]) },
      ]),
    );
  }
  const ranked = store.db
    .select({
      stage: sql<string>`${s.stage}`.as("stage"),
      ms: sql<number>`${length}`.as("ms"),
      rank: sql<number>`row_number() over (partition by ${s.stage} order by ${length})`.as("rank"),
      count: sql<number>`count(*) over (partition by ${s.stage})`.as("count"),
    })
    .from(s)
    .where(
      and(
        eq(s.projectId, range.projectId),
        gte(s.leftAt, range.from),
        lt(s.leftAt, range.to),
        inArray(s.stage, [...STAGE_KEYS]),
      ),
    )
    .as("ranked");
  // Nearest rank: ceil(p% of n), in integer arithmetic (literals: SQLite would bind a number as a real).
  const rankOf = (p: 50 | 85 | 95) => sql`(${ranked.count} * ${sql.raw(String(p))} + 99) / 100`;
  const rows = await store.db
    .select({ stage: ranked.stage, ms: ranked.ms, rank: ranked.rank, count: ranked.count })
    .from(ranked)
    .where(or(eq(ranked.rank, rankOf(50)), eq(ranked.rank, rankOf(85)), eq(ranked.rank, rankOf(95))));

  const byStage = new Map<string, { count: number; p50: number | null; p85: number | null; p95: number | null }>();
  for (const row of rows) {
    const count = num(row.count);
    const entry =
      byStage.get(row.stage) ?? byStage.set(row.stage, { count, p50: null, p85: null, p95: null }).get(row.stage)!;
    const rank = num(row.rank);
    for (const p of [50, 85, 95] as const)
      if (rank === Math.floor((count * p + 99) / 100)) entry[`p${p}`] = num(row.ms);
  }
  return byStage;
}

/** Finished deployments to an environment that could change what it serves, up to `until`. */
export async function liveChanges(store: Store, environmentId: number, until: Date) {
  const d = store.t.deployments;
  return store.db
    .select({
      id: d.id,
      releaseId: d.releaseId,
      purpose: d.purpose,
      status: d.status,
      finishedAt: d.finishedAt,
      phase: d.phase,
    })
    .from(d)
    .where(
      and(
        eq(d.environmentId, environmentId),
        inArray(d.purpose, ["promote", "rollback"]),
        isNotNull(d.finishedAt),
        lt(d.finishedAt, until),
      ),
    )
    .orderBy(d.finishedAt, d.id);
}

export async function criticalAlerts(store: Store, environmentId: number, since: Date, until: Date) {
  const a = store.t.alerts;
  return store.db
    .select({ name: a.name, startsAt: a.startsAt })
    .from(a)
    .where(
      and(
        eq(a.environmentId, environmentId),
        eq(a.severity, "critical"),
        gte(a.startsAt, since),
        lt(a.startsAt, until),
      ),
    );
}

/** Each card of these releases with its first commit (or, without commits, its first PR's opening). */
export async function firstCommits(store: Store, releaseIds: number[]) {
  if (releaseIds.length === 0) return [];
  const { releaseItems: ri, itemCommits: ic, commits: c, itemPullRequests: ip, pullRequests: pr } = store.t;
  const [byCommit, byPr] = await Promise.all([
    store.db
      .select({ releaseId: ri.releaseId, itemId: ri.itemId, at: sql<number>`min(${epochMs(store, c.committedAt)})` })
      .from(ri)
      .innerJoin(ic, eq(ic.itemId, ri.itemId))
      .innerJoin(c, eq(c.id, ic.commitId))
      .where(inArray(ri.releaseId, releaseIds))
      .groupBy(ri.releaseId, ri.itemId),
    store.db
      .select({ releaseId: ri.releaseId, itemId: ri.itemId, at: sql<number>`min(${epochMs(store, pr.openedAt)})` })
      .from(ri)
      .innerJoin(ip, eq(ip.itemId, ri.itemId))
      .innerJoin(pr, eq(pr.id, ip.pullRequestId))
      .where(inArray(ri.releaseId, releaseIds))
      .groupBy(ri.releaseId, ri.itemId),
  ]);
  const first = new Map<string, { releaseId: number; itemId: number; at: number }>();
  for (const row of [...byCommit, ...byPr]) {
    const key = `${row.releaseId}|${row.itemId}`;
    const at = num(row.at);
    if (!first.has(key) || first.get(key)!.at > at)
      first.set(key, { releaseId: row.releaseId, itemId: row.itemId, at });
  }
  return [...first.values()];
}

/** Builds, regression runs and deployments in the range, for pipeline health. */
export async function pipelineActivity(store: Store, range: Range) {
  const { builds: b, testRuns: r, deployments: d, environments: e, releases: rel, alerts: a } = store.t;
  const [builds, runs, deployments, alerts] = await Promise.all([
    store.db
      .select({ status: b.status, count: sql<number>`count(*)` })
      .from(b)
      .where(and(eq(b.projectId, range.projectId), gte(b.createdAt, range.from), lt(b.createdAt, range.to)))
      .groupBy(b.status),
    store.db
      .select({
        suite: r.suite,
        runs: sql<number>`count(*)`,
        green: sql<number>`sum(case when ${r.failed} = 0 then 1 else 0 end)`,
      })
      .from(r)
      .where(and(eq(r.projectId, range.projectId), gte(r.createdAt, range.from), lt(r.createdAt, range.to)))
      .groupBy(r.suite),
    store.db
      .select({
        id: d.id,
        environment: e.name,
        version: rel.version,
        purpose: d.purpose,
        status: d.status,
        startedAt: d.startedAt,
        finishedAt: d.finishedAt,
        ms: sql<number>`${epochMs(store, d.finishedAt)} - ${epochMs(store, d.startedAt)}`,
      })
      .from(d)
      .innerJoin(e, eq(e.id, d.environmentId))
      .innerJoin(rel, eq(rel.id, d.releaseId))
      .where(
        and(
          eq(d.projectId, range.projectId),
          isNotNull(d.startedAt),
          gte(d.finishedAt, range.from),
          lt(d.finishedAt, range.to),
        ),
      )
      .orderBy(d.finishedAt)
      .limit(2000),
    store.db
      .select({
        environment: e.name,
        name: a.name,
        severity: a.severity,
        status: a.status,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
      })
      .from(a)
      .innerJoin(e, eq(e.id, a.environmentId))
      .where(and(eq(a.projectId, range.projectId), gte(a.startsAt, range.from), lt(a.startsAt, range.to)))
      .orderBy(a.startsAt)
      .limit(2000),
  ]);
  return {
    builds: builds.map((row) => ({ status: row.status, count: num(row.count) })),
    suites: runs.map((row) => ({ suite: row.suite, runs: num(row.runs), green: num(row.green) })),
    deployments: deployments.map((row) => ({ ...row, ms: num(row.ms) })),
    alerts,
  };
}
