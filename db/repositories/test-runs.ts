import { and, eq, inArray } from "drizzle-orm";
import type { Store } from "../client";

export interface NewTestCase {
  name: string;
  className: string | null;
  status: "passed" | "failed" | "skipped";
  durationMs: number;
  message: string | null;
  flaky: boolean;
}

export async function findBuildByExternalId(store: Store, projectId: number, externalId: string) {
  const b = store.t.builds;
  const [row] = await store.db
    .select({ id: b.id, commitSha: b.commitSha })
    .from(b)
    .where(and(eq(b.projectId, projectId), eq(b.externalId, externalId)));
  return row ?? null;
}

export async function findDeploymentInProject(store: Store, projectId: number, id: number) {
  const d = store.t.deployments;
  const r = store.t.releases;
  const [row] = await store.db
    .select({ id: d.id, commitSha: r.commitSha })
    .from(d)
    .innerJoin(r, eq(r.id, d.releaseId))
    .where(and(eq(d.projectId, projectId), eq(d.id, id)));
  return row ?? null;
}

/** Earlier outcomes of each case of a suite for one commit, keyed "class|name". */
export async function earlierOutcomes(
  store: Store,
  projectId: number,
  suite: string,
  commitSha: string,
): Promise<Map<string, Set<string>>> {
  const { testRuns: r, testCases: c } = store.t;
  const rows = await store.db
    .select({ name: c.name, className: c.className, status: c.status })
    .from(c)
    .innerJoin(r, eq(r.id, c.testRunId))
    .where(and(eq(r.projectId, projectId), eq(r.suite, suite), eq(r.commitSha, commitSha)));
  const outcomes = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = `${row.className ?? ""}|${row.name}`;
    (outcomes.get(key) ?? outcomes.set(key, new Set()).get(key)!).add(row.status);
  }
  return outcomes;
}

export async function insertTestRunWithCases(
  store: Store,
  run: {
    projectId: number;
    suite: string;
    buildId: number | null;
    deploymentId: number | null;
    commitSha: string | null;
    passed: number;
    failed: number;
    skipped: number;
    flaky: number;
    durationMs: number;
    createdAt: Date;
  },
  cases: NewTestCase[],
): Promise<number> {
  const [row] = await store.db.insert(store.t.testRuns).values(run).returning({ id: store.t.testRuns.id });
  for (let i = 0; i < cases.length; i += 500) {
    await store.db.insert(store.t.testCases).values(cases.slice(i, i + 500).map((c) => ({ ...c, testRunId: row.id })));
    // SQLite writes synchronously: between batches, other requests get their turn (a large
    // report never holds the server for more than one batch).
    if (store.dialect === "sqlite") await new Promise((resolve) => setImmediate(resolve));
  }
  return row.id;
}

/** The failed cases of a deployment's test runs, named "class › case", the first few. */
export async function failingCasesOfDeployment(store: Store, deploymentId: number, limit = 10): Promise<string[]> {
  const { testRuns: r, testCases: c } = store.t;
  const rows = await store.db
    .select({ name: c.name, className: c.className })
    .from(c)
    .innerJoin(r, eq(r.id, c.testRunId))
    .where(and(eq(r.deploymentId, deploymentId), eq(c.status, "failed")))
    .limit(limit);
  return rows.map((row) => (row.className ? `${row.className} › ${row.name}` : row.name));
}

/** The regression totals reported for each deployment. */
export async function regressionTotals(
  store: Store,
  deploymentIds: number[],
): Promise<Map<number, { passed: number; failed: number }>> {
  const totals = new Map<number, { passed: number; failed: number }>();
  if (deploymentIds.length === 0) return totals;
  const r = store.t.testRuns;
  const rows = await store.db
    .select({ deploymentId: r.deploymentId, passed: r.passed, failed: r.failed })
    .from(r)
    .where(inArray(r.deploymentId, deploymentIds));
  for (const row of rows) {
    const total = totals.get(row.deploymentId!) ?? { passed: 0, failed: 0 };
    totals.set(row.deploymentId!, { passed: total.passed + row.passed, failed: total.failed + row.failed });
  }
  return totals;
}

export async function testRunsOfDeployment(store: Store, deploymentId: number) {
  const r = store.t.testRuns;
  return store.db
    .select({
      id: r.id,
      suite: r.suite,
      passed: r.passed,
      failed: r.failed,
      skipped: r.skipped,
      flaky: r.flaky,
      durationMs: r.durationMs,
      createdAt: r.createdAt,
    })
    .from(r)
    .where(eq(r.deploymentId, deploymentId))
    .orderBy(r.id);
}
