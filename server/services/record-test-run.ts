import { DomainError } from "../../domain/errors";
import {
  earlierOutcomes,
  findBuildByExternalId,
  findDeploymentInProject,
  insertTestRunWithCases,
} from "../../db/repositories/test-runs";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import type { JUnitReport } from "../integrations/junit/parse";
import { requireProject } from "./lookups";

export interface TestRunTarget {
  project: string;
  suite: string;
  build?: string | null;
  commit?: string | null;
  deployment?: number | null;
}

export interface TestRunResult {
  id: number;
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
  durationMs: number;
  commitSha: string | null;
}

/**
 * Stores a parsed JUnit report for a build, a commit or a deployment, in one transaction.
 * A case is flaky when its runner says so (a rerun that passed), or when it failed and
 * passed for the same commit in this suite.
 */
export async function recordTestRun(
  app: App,
  actor: Actor,
  target: TestRunTarget,
  report: JUnitReport,
): Promise<TestRunResult> {
  const suite = target.suite.trim();
  if (!suite)
    throw new DomainError("VALIDATION", "Name the suite: ?suite=unit (or regression, e2e…).", { field: "suite" });
  const named = [target.build, target.commit, target.deployment].filter(
    (v) => v !== undefined && v !== null && v !== "",
  );
  if (named.length !== 1)
    throw new DomainError(
      "VALIDATION",
      "Say what was tested with exactly one of ?build=ID, ?commit=SHA or ?deployment=ID.",
      { field: "target" },
    );
  const project = await requireProject(app.database, target.project);
  return changeProject(app, project.id, async (store, record) => {
    let buildId: number | null = null;
    let deploymentId: number | null = null;
    let commitSha: string | null = target.commit ?? null;
    if (target.build) {
      const build = await findBuildByExternalId(store, project.id, target.build);
      if (!build)
        throw new DomainError(
          "VALIDATION",
          `No build "${target.build}" was reported to ${project.slug}: report the build first (POST …/builds).`,
          { field: "build" },
        );
      buildId = build.id;
      commitSha = build.commitSha;
    }
    if (target.deployment) {
      const deployment = await findDeploymentInProject(store, project.id, target.deployment);
      if (!deployment)
        throw new DomainError("VALIDATION", `Project ${project.slug} has no deployment ${target.deployment}.`, {
          field: "deployment",
        });
      deploymentId = deployment.id;
      commitSha = deployment.commitSha;
    }
    if (commitSha !== null && !/^[0-9a-f]{7,64}$/i.test(commitSha) && !target.deployment) {
      throw new DomainError("VALIDATION", `"${commitSha}" is not a commit SHA.`, { field: "commit" });
    }
    const earlier = commitSha
      ? await earlierOutcomes(store, project.id, suite, commitSha)
      : new Map<string, Set<string>>();
    const cases = report.cases.map((c) => {
      const before = earlier.get(`${c.className ?? ""}|${c.name}`);
      const flipped =
        before !== undefined &&
        ((c.status === "failed" && before.has("passed")) || (c.status === "passed" && before.has("failed")));
      return {
        name: c.name,
        className: c.className,
        status: c.status,
        durationMs: c.durationMs,
        message: c.message,
        flaky: c.flaky || flipped,
      };
    });
    const flaky = cases.filter((c) => c.flaky).length;
    const totals = {
      passed: report.passed,
      failed: report.failed,
      skipped: report.skipped,
      flaky,
      durationMs: report.durationMs,
    };
    const id = await insertTestRunWithCases(
      store,
      { projectId: project.id, suite, buildId, deploymentId, commitSha, ...totals, createdAt: app.now() },
      cases,
    );
    await record({
      itemId: null,
      type: "tests.reported",
      actor: actor.id,
      payload: { id, suite, build: target.build ?? null, commit: commitSha, deployment: deploymentId, ...totals },
    });
    return { id, suite, commitSha, ...totals };
  });
}
