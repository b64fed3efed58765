import { buildPassRate, suitePassRates } from "../../domain/delivery/pipeline-health";
import { flakiestTests, recentBuilds, recentTestRuns } from "../../db/repositories/pipeline";
import type { App } from "../app";
import { requireProject } from "./lookups";

const DAY = 86_400_000;

/** The project's recent builds and test runs, their pass rates, and its flakiest tests of the last 30 days. */
export async function getPipeline(app: App, input: { project: string }) {
  const project = await requireProject(app.database, input.project);
  const [builds, runs, flaky] = await Promise.all([
    recentBuilds(app.database, project.id, 50),
    recentTestRuns(app.database, project.id, 50),
    flakiestTests(app.database, project.id, new Date(app.now().getTime() - 30 * DAY), 10),
  ]);
  return { builds, runs, buildPassRate: buildPassRate(builds), suites: suitePassRates(runs), flaky };
}
