import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Store } from "../client";

export async function recentBuilds(store: Store, projectId: number, limit: number) {
  const b = store.t.builds;
  return store.db
    .select({
      id: b.id,
      buildId: b.externalId,
      commitSha: b.commitSha,
      branch: b.branch,
      status: b.status,
      url: b.url,
      testsPassed: b.testsPassed,
      testsFailed: b.testsFailed,
      startedAt: b.startedAt,
      finishedAt: b.finishedAt,
      createdAt: b.createdAt,
    })
    .from(b)
    .where(eq(b.projectId, projectId))
    .orderBy(desc(b.id))
    .limit(limit);
}

export async function recentTestRuns(store: Store, projectId: number, limit: number) {
  const r = store.t.testRuns;
  const b = store.t.builds;
  return store.db
    .select({
      id: r.id,
      suite: r.suite,
      commitSha: r.commitSha,
      buildId: b.externalId,
      deploymentId: r.deploymentId,
      passed: r.passed,
      failed: r.failed,
      skipped: r.skipped,
      flaky: r.flaky,
      durationMs: r.durationMs,
      createdAt: r.createdAt,
    })
    .from(r)
    .leftJoin(b, eq(b.id, r.buildId))
    .where(eq(r.projectId, projectId))
    .orderBy(desc(r.id))
    .limit(limit);
}

/** Tests marked flaky most often since a date, with how often they ran. */
export async function flakiestTests(store: Store, projectId: number, since: Date, limit: number) {
  const r = store.t.testRuns;
  const c = store.t.testCases;
  const flakyCount = sql<number>`sum(case when ${c.flaky} then 1 else 0 end)`;
  const rows = await store.db
    .select({ name: c.name, className: c.className, suite: r.suite, flaky: flakyCount, runs: sql<number>`count(*)` })
    .from(c)
    .innerJoin(r, eq(r.id, c.testRunId))
    .where(and(eq(r.projectId, projectId), gte(r.createdAt, since)))
    .groupBy(c.name, c.className, r.suite)
    .having(sql`sum(case when ${c.flaky} then 1 else 0 end) > 0`)
    .orderBy(desc(flakyCount))
    .limit(limit);
  return rows.map((row) => ({ ...row, flaky: Number(row.flaky), runs: Number(row.runs) }));
}
