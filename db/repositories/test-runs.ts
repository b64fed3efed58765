import { and, eq } from "drizzle-orm";
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
  const [row] = await store.db.select({ id: b.id, commitSha: b.commitSha }).from(b).where(and(eq(b.projectId, projectId), eq(b.externalId, externalId)));
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
export async function earlierOutcomes(store: Store, projectId: number, suite: string, commitSha: string): Promise<Map<string, Set<string>>> {
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
  run: { projectId: number; suite: string; buildId: number | null; deploymentId: number | null; commitSha: string | null; passed: number; failed: number; skipped: number; flaky: number; durationMs: number; createdAt: Date },
  cases: NewTestCase[],
): Promise<number> {
  const [row] = await store.db.insert(store.t.testRuns).values(run).returning({ id: store.t.testRuns.id });
  for (let i = 0; i < cases.length; i += 500) {
    await store.db.insert(store.t.testCases).values(cases.slice(i, i + 500).map((c) => ({ ...c, testRunId: row.id })));
  }
  return row.id;
}
