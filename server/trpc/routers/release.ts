import { z } from "zod";
import { newestReleaseOfItem } from "../../../db/repositories/releases";
import { projectRef } from "../../http/schemas";
import { cancelDeployment } from "../../deploy/cancel-deployment";
import { deployRelease } from "../../services/deploy-release";
import {
  createEnvironmentFromTemplate,
  policyInput,
  updateDeliveryPolicyService,
  updateEnvironmentSettings,
} from "../../services/environment-settings";
import { getDeployment } from "../../services/get-deployment";
import { getReleases } from "../../services/get-releases";
import { checkPromotion, promoteRelease } from "../../services/promote-release";
import { rollbackEnvironment } from "../../services/rollback-environment";
import { signOffQa } from "../../services/sign-off-qa";
import { adminProcedure, procedureFor, router, viewerProcedure } from "../init";

const id = z.number().int().positive();
const reason = z.string().trim().max(2000).nullish();
const releaseManager = procedureFor("release-manager");
const onRelease = (role: "viewer" | "release-manager") => procedureFor(role, "release");
const onDeployment = (role: "viewer" | "release-manager") => procedureFor(role, "deployment");

export const releaseRouter = router({
  overview: viewerProcedure.input(projectRef).query(({ ctx, input }) => getReleases(ctx.app, input)),
  deployment: onDeployment("viewer")
    .input(z.object({ id }))
    .query(({ ctx, input }) => getDeployment(ctx.app, input.id)),
  ofItem: procedureFor("viewer", "item")
    .input(z.object({ id }))
    .query(async ({ ctx, input }) => {
      const release = await newestReleaseOfItem(ctx.app.database, input.id);
      return release && { id: release.id, version: release.version };
    }),
  checkPromotion: onRelease("viewer")
    .input(z.object({ releaseId: id, reason }))
    .query(({ ctx, input }) => checkPromotion(ctx.app, ctx.actor, input)),
  deploy: onRelease("release-manager")
    .input(z.object({ releaseId: id, environment: z.string().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => ({ deploymentId: await deployRelease(ctx.app, ctx.actor, input) })),
  promote: onRelease("release-manager")
    .input(z.object({ releaseId: id, reason }))
    .mutation(async ({ ctx, input }) => ({ deploymentId: await promoteRelease(ctx.app, ctx.actor, input) })),
  rollback: releaseManager
    .input(projectRef.extend({ environment: z.string().min(1).max(100), reason }))
    .mutation(async ({ ctx, input }) => ({ deploymentId: await rollbackEnvironment(ctx.app, ctx.actor, input) })),
  cancel: onDeployment("release-manager")
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => cancelDeployment(ctx.app, ctx.actor, input.id)),
  signOffQa: procedureFor("release-manager", "item")
    .input(z.object({ id, note: z.string().max(2000).nullish() }))
    .mutation(({ ctx, input }) => signOffQa(ctx.app, ctx.actor, input)),
  configureEnvironment: adminProcedure
    .input(
      projectRef.extend({
        environment: z.string().min(1).max(100),
        strategy: z.enum(["in-place", "blue-green"]).optional(),
        settings: z.record(z.string(), z.unknown()),
      }),
    )
    .mutation(({ ctx, input }) => updateEnvironmentSettings(ctx.app, ctx.actor, input)),
  createEnvironment: adminProcedure
    .input(projectRef.extend({ template: z.string().min(1).max(100), name: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => createEnvironmentFromTemplate(ctx.app, ctx.actor, input)),
  setPolicy: adminProcedure
    .input(projectRef.merge(policyInput))
    .mutation(({ ctx, input }) => updateDeliveryPolicyService(ctx.app, ctx.actor, input)),
});
