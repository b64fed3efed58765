import { z } from "zod";
import { MAX_ID } from "../contracts/common";
import type { App } from "../app";
import { cancelDeployment } from "../deploy/cancel-deployment";
import { deployRelease } from "../services/deploy-release";
import { getDeployment } from "../services/get-deployment";
import { getReleases } from "../services/get-releases";
import { findDeployment } from "../../db/repositories/deployments";
import { findRelease } from "../../db/repositories/releases";
import { deploymentNotFound, releaseNotFound } from "../services/lookups";
import { promoteRelease } from "../services/promote-release";
import { checkCallbackToken, reportDeploymentStatus } from "../deploy/report-deployment-status";
import { rollbackEnvironment } from "../services/rollback-environment";
import { authorizeProject, authorizeThing } from "./authorize";
import { parse, readObject, respond } from "./respond";

/** The REST API of releases and deployments, for CI servers, deploy tools and scripts (token scope `deploy`). */

type AppSource = () => Promise<App>;
const idParam = z.coerce.number().int().positive().max(MAX_ID, "no row has an id this large");
const reasonBody = z.object({ reason: z.string().trim().max(2000).nullish() });

/** The release a route names, once the caller may deploy in its project. */
function releaseFor(app: App, req: Request, rawId: string) {
  const id = parse(idParam, rawId);
  return authorizeThing(
    app,
    req,
    "deploy",
    () => findRelease(app.database, id),
    () => releaseNotFound(id),
  );
}

function deploymentFor(app: App, req: Request, rawId: string) {
  const id = parse(idParam, rawId);
  return authorizeThing(
    app,
    req,
    "deploy",
    () => findDeployment(app.database, id),
    () => deploymentNotFound(id),
  );
}
export const promoteBody = reasonBody.extend({ force: z.boolean().optional() });
export const deployBody = z.object({
  environment: z.string().trim().min(1, "name the environment, e.g. test").max(100),
});
export const deploymentStatusBody = z.object({
  status: z.enum(["running", "succeeded", "failed"]),
  log: z.union([z.string().max(1_000_000), z.array(z.string().max(10_000)).max(10_000)]).optional(),
  message: z.string().max(2000).nullish(),
});

async function accepted(app: App, deploymentId: number): Promise<Response> {
  return Response.json(await getDeployment(app, deploymentId, { tailLines: 200 }), {
    status: 202,
    headers: { Location: `/api/v1/deployments/${deploymentId}` },
  });
}

export function listReleasesHandler(slug: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    await authorizeProject(app, req, slug, "deploy");
    const view = await getReleases(app, { project: slug });
    return Response.json({ releases: view.releases, policy: view.policy });
  });
}

export function listEnvironmentsHandler(slug: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    await authorizeProject(app, req, slug, "deploy");
    return Response.json({ environments: (await getReleases(app, { project: slug, limit: 1 })).environments });
  });
}

export function deployHandler(rawId: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const { thing: release, actor } = await releaseFor(app, req, rawId);
    const body = parse(deployBody, await readObject(req));
    return accepted(app, await deployRelease(app, actor, { releaseId: release.id, environment: body.environment }));
  });
}

export function promoteHandler(rawId: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const { thing: release, actor } = await releaseFor(app, req, rawId);
    const body = parse(promoteBody, await readObject(req));
    return accepted(app, await promoteRelease(app, actor, { releaseId: release.id, ...body }));
  });
}

export function rollbackHandler(slug: string, environment: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const { actor } = await authorizeProject(app, req, slug, "deploy");
    const body = parse(reasonBody, await readObject(req));
    const rollback = await rollbackEnvironment(app, actor, { project: slug, environment, reason: body.reason });
    return Response.json(
      { ...(await getDeployment(app, rollback.deploymentId, { tailLines: 200 })), rollback },
      { status: 202, headers: { Location: `/api/v1/deployments/${rollback.deploymentId}` } },
    );
  });
}

export function getDeploymentHandler(rawId: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const { thing: deployment } = await deploymentFor(app, req, rawId);
    return Response.json(await getDeployment(app, deployment.id, { tailLines: 200 }));
  });
}

export function cancelDeploymentHandler(rawId: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const { thing: deployment, actor } = await deploymentFor(app, req, rawId);
    await cancelDeployment(app, actor, deployment.id);
    return Response.json(await getDeployment(app, deployment.id, { tailLines: 200 }), { status: 202 });
  });
}

/** The webhook deployer's callback: authenticated by the deployment's own token, not a project token. */
export function deploymentStatusHandler(rawId: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const id = parse(idParam, rawId);
    await checkCallbackToken(app, id, req.headers.get("authorization"));
    const body = parse(deploymentStatusBody, await readObject(req));
    const result = await reportDeploymentStatus(app, id, req.headers.get("authorization"), body);
    return Response.json(result, { status: 202 });
  });
}
