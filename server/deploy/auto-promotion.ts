import { listEnvironments } from "../../db/repositories/environments";
import { servingDeployments } from "../../db/repositories/facts";
import { deploymentsOfReleases } from "../../db/repositories/deployments";
import { findDeliveryPolicy } from "../../db/repositories/projects";
import { listReleases } from "../../db/repositories/releases";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { checkPromotion, promoteRelease } from "../services/promote-release";
import { liveEnvironment } from "../services/promotion-facts";

export const AUTO_PROMOTION: Actor = { id: "auto-promotion", role: "release-manager" };

/**
 * Where the project allows it, promotes the newest release newer than what is live once all
 * its gates are green, with no human in the loop; the promotion's event lists the gates it
 * passed. Pinned (rolled-back) releases, a stopped line and freeze windows hold it back.
 */
export async function autoPromote(app: App, projectId: number): Promise<number | null> {
  const policy = await findDeliveryPolicy(app.database, projectId);
  if (!policy?.autoPromote) return null;
  const [releases, environments, serving] = await Promise.all([
    listReleases(app.database, projectId, 10),
    listEnvironments(app.database, projectId),
    servingDeployments(app.database, projectId),
  ]);
  const live = liveEnvironment(environments);
  if (!live || releases.length === 0) return null;
  const deployments = await deploymentsOfReleases(
    app.database,
    releases.map((r) => r.id),
  );
  const liveRelease = deployments.find((d) => d.environmentId === live.id && serving.has(d.id))?.releaseId ?? 0;
  for (const release of releases) {
    if (release.id <= liveRelease) return null;
    const check = await checkPromotion(app, AUTO_PROMOTION, { releaseId: release.id, automatic: true });
    if (check.decision.allowed) return promoteRelease(app, AUTO_PROMOTION, { releaseId: release.id, automatic: true });
    // The newest release that went through test decides; an older one is superseded.
    if (check.facts.test) return null;
  }
  return null;
}
