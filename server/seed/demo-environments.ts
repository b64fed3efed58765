import path from "node:path";
import type * as T from "../../db/schema/shared-types";
import { listDeployments, replaceLog } from "../../db/repositories/deployments";
import { listEnvironments } from "../../db/repositories/environments";
import { servingDeployments } from "../../db/repositories/facts";
import type { App } from "../app";
import { loadDeploymentContext, stepVariables } from "../deploy/context";
import { prepareWorkDir, stepProcess, workerAccount } from "../worker/account";
import { runCommand } from "../worker/run-command";
import { config } from "../config";
import { receiveAlerts } from "../services/receive-alerts";

/** The demo's own scripts, by their full path: steps run in the workers' folder, not Shiplane's. */
const script = (name: string) => `node ${path.join(config().root, "scripts", "demo", name)}`;
const step = (name: string) => ({ type: "command", command: script(name), timeoutSeconds: 120 });

/**
 * The demo project's environments run real local steps: scripts/demo/ publishes a tiny site
 * of the release under the data folder (served at /demo/<env>/), switches blue-green slots
 * with an atomic link, and checks the deployed site with a regression suite that writes JUnit.
 */
export const demoEnvironments = (): Record<"test" | "live", T.EnvironmentConfig> => ({
  test: {
    url: "/demo/test/",
    deployer: step("deploy.mjs"),
    verify: step("regression.mjs"),
    // Overnight: the newest green release goes to test at 02:00.
    schedule: { cron: "0 2 * * *", timezone: null },
  },
  live: {
    url: "/demo/live/",
    slots: { blue: "/demo/live/blue/", green: "/demo/live/green/" },
    deployer: step("deploy.mjs"),
    verify: step("regression.mjs"),
    switch: step("switch.mjs"),
  },
});

/**
 * Publishes, with the demo deployer itself, what the seeded history says each environment
 * serves, so that /demo/test/ and /demo/live/ show it from the first start. The real output
 * becomes the seeded deployments' logs.
 */
export async function publishSeededSites(app: App, projectId: number): Promise<void> {
  const environments = await listEnvironments(app.database, projectId);
  const serving = await servingDeployments(app.database, projectId);
  // Published as the built-in worker will deploy later: as its account, in its folder.
  const account = workerAccount();
  const where = stepProcess(account, prepareWorkDir(account));
  for (const deployment of await listDeployments(app.database, projectId, {}, 100)) {
    if (!serving.has(deployment.id)) continue;
    const context = await loadDeploymentContext(app.database, deployment.id);
    const environment = environments.find((e) => e.id === deployment.environmentId)!;
    let log = "";
    const run = (command: string, extra: Record<string, string> = {}) =>
      runCommand(command, 60, {
        ...where,
        env: { ...where.env, ...stepVariables(context), ...extra },
        log: (text) => (log += text),
        signal: new AbortController().signal,
      });
    const outcome = await run(script("deploy.mjs"));
    if (outcome.ok && environment.strategy === "blue-green" && deployment.slot) {
      await run(script("switch.mjs"), { SHIPLANE_TO_SLOT: deployment.slot, SHIPLANE_FROM_SLOT: "" });
    }
    if (!outcome.ok)
      console.error(`The demo site of ${environment.name} could not be published: ${outcome.summary}\n${log}`);
    await app.database.transaction((store) => replaceLog(store, deployment.id, log));
  }
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Monitoring, through the Alertmanager path: a critical alert that fired and resolved while 1.2.0 was live, and a warning firing now. */
export async function seedDemoAlerts(app: App, slug: string, end: Date): Promise<void> {
  const alert = (
    name: string,
    severity: string,
    environment: string,
    startsAt: Date,
    endsAt: Date | null,
    summary: string,
  ) => ({
    status: endsAt ? "resolved" : "firing",
    labels: { alertname: name, severity, environment, service: "storefront" },
    annotations: { summary },
    startsAt: startsAt.toISOString(),
    endsAt: endsAt ? endsAt.toISOString() : "0001-01-01T00:00:00Z",
    fingerprint: `demo-${name}`,
    generatorURL: "http://prometheus.example.com/graph",
  });
  const incident = new Date(end.getTime() - 20 * DAY);
  await receiveAlerts(app, slug, {
    status: "firing",
    alerts: [alert("CheckoutErrorRate", "critical", "live", incident, null, "Checkout 5xx above 2% for 5 minutes")],
  });
  await receiveAlerts(app, slug, {
    status: "resolved",
    alerts: [
      alert(
        "CheckoutErrorRate",
        "critical",
        "live",
        incident,
        new Date(incident.getTime() + 25 * 60_000),
        "Checkout 5xx above 2% for 5 minutes",
      ),
    ],
  });
  await receiveAlerts(app, slug, {
    status: "firing",
    alerts: [
      alert(
        "SearchLatencyHigh",
        "warning",
        "live",
        new Date(end.getTime() - 3 * HOUR),
        null,
        "Search p95 above 800 ms",
      ),
    ],
  });
}
