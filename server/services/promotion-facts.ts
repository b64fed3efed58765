import { verificationOf } from "../../domain/delivery/item-facts";
import { itemKey } from "../../domain/funnel/item";
import { activeFreeze } from "../../domain/release/calendar";
import type { PromotionFacts } from "../../domain/release/promotion";
import type { Store } from "../../db/client";
import { deploymentsOfReleases, type DeploymentRecord } from "../../db/repositories/deployments";
import { listEnvironments, type EnvironmentRecord } from "../../db/repositories/environments";
import { firingLiveAlerts, servingDeployments } from "../../db/repositories/facts";
import { findDeliveryPolicy, findProjectById } from "../../db/repositories/projects";
import { itemsOfReleases, type ReleaseRecord } from "../../db/repositories/releases";
import { failingCasesOfDeployment, regressionTotals } from "../../db/repositories/test-runs";

/** The project's environments as promotion sees them: the first live one is where releases go. */
export function liveEnvironment(environments: EnvironmentRecord[]): EnvironmentRecord | null {
  return environments.find((e) => e.kind === "live") ?? null;
}

/** The newest deployment of a release to a test environment, with its regression verdict. */
export async function testVerdict(store: Store, deployments: DeploymentRecord[], environments: EnvironmentRecord[]) {
  const testIds = new Set(environments.filter((e) => e.kind === "test").map((e) => e.id));
  const test = deployments.filter((d) => testIds.has(d.environmentId) && d.purpose === "deploy").at(-1) ?? null;
  if (!test) return null;
  const regression = (await regressionTotals(store, [test.id])).get(test.id) ?? null;
  const verification = verificationOf({ verifyStatus: test.verifyStatus, regression });
  const failingTests = verification === "failed" ? await failingCasesOfDeployment(store, test.id, 5) : [];
  const environment = environments.find((e) => e.id === test.environmentId)!.name;
  // A failed deployment reports its failure, not a stale verdict.
  const status = test.status === "failed" && test.phase === "verify" ? "succeeded" : test.status;
  return {
    environment,
    status,
    verification: test.verifyStatus === "running" ? ("running" as const) : verification,
    failingTests,
  };
}

/** What the promotion gates read about the project as a whole, now (the same for each of its releases). */
export async function projectGateFacts(store: Store, projectId: number, now: Date) {
  const [environments, project, policy, alerts, serving] = await Promise.all([
    listEnvironments(store, projectId),
    findProjectById(store, projectId),
    findDeliveryPolicy(store, projectId),
    firingLiveAlerts(store, projectId),
    servingDeployments(store, projectId),
  ]);
  const live = liveEnvironment(environments);
  const freeze = activeFreeze(policy.freezeWindows, now);
  return {
    environments,
    live,
    serving,
    keyPrefix: project?.keyPrefix ?? "",
    criticalAlerts: alerts
      .filter((alert) => alert.severity === "critical")
      .map((alert) => ({ name: alert.name, environment: live?.name ?? "live" })),
    lineStopped: policy.lineStoppedAt
      ? { by: policy.lineStoppedBy ?? "someone", reason: policy.lineStoppedReason ?? "" }
      : null,
    freeze: freeze ? { note: freeze.window.note ?? null, endsAt: freeze.endsAt } : null,
  };
}

export type ProjectGateFacts = Awaited<ReturnType<typeof projectGateFacts>>;

/** Everything the promotion gates read about one release, now; pass the project's facts when judging several releases. */
export async function promotionFacts(
  store: Store,
  release: ReleaseRecord,
  now: Date,
  project?: ProjectGateFacts,
): Promise<PromotionFacts> {
  const [shared, deployments, items] = await Promise.all([
    project ?? projectGateFacts(store, release.projectId, now),
    deploymentsOfReleases(store, [release.id]),
    itemsOfReleases(store, [release.id]),
  ]);
  return {
    version: release.version,
    test: await testVerdict(store, deployments, shared.environments),
    items: items.map((item) => ({
      key: itemKey(shared.keyPrefix, item.number),
      title: item.title,
      needsManualQa: item.needsManualQa,
      qaSignedOff: Boolean(item.qaSignedOffAt),
    })),
    criticalAlerts: shared.criticalAlerts,
    live: deployments.some((d) => d.environmentId === shared.live?.id && shared.serving.has(d.id)),
    promoting: deployments.some((d) => d.purpose === "promote" && d.finishedAt === null),
    pinned: release.pinnedAt ? { reason: release.pinnedReason ?? "rolled back" } : null,
    lineStopped: shared.lineStopped,
    freeze: shared.freeze,
  };
}
