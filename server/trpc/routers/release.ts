import { done, exact, projectRef, strict } from "../../contracts/common";
import { configureEnvironmentInput, createEnvironmentInput, setPolicyInput } from "../../contracts/environment";
import { itemRef } from "../../contracts/item";
import * as contract from "../../contracts/release";
import { cancelDeployment } from "../../deploy/cancel-deployment";
import { deployRelease } from "../../services/deploy-release";
import {
  createEnvironmentFromTemplate,
  updateDeliveryPolicyService,
  updateEnvironmentSettings,
} from "../../services/environment-settings";
import { getDeployment } from "../../services/get-deployment";
import { getReleases } from "../../services/get-releases";
import { checkPromotion, promoteRelease } from "../../services/promote-release";
import { releaseOfItem } from "../../services/release-of-item";
import { previewRollback, rollbackEnvironment } from "../../services/rollback-environment";
import { signOffQa } from "../../services/sign-off-qa";
import { adminProcedure, procedureFor, router, viewerProcedure } from "../init";

const releaseManager = procedureFor("release-manager");
const onRelease = (role: "viewer" | "release-manager") => procedureFor(role, "release");
const onDeployment = (role: "viewer" | "release-manager") => procedureFor(role, "deployment");

export const releaseRouter = router({
  overview: viewerProcedure
    .input(strict(projectRef))
    .output(exact<Awaited<ReturnType<typeof getReleases>>>()(contract.releasesOverview))
    .query(({ ctx, input }) => getReleases(ctx.app, input)),
  deployment: onDeployment("viewer")
    .input(strict(contract.deploymentRef))
    .output(exact<Awaited<ReturnType<typeof getDeployment>>>()(contract.deploymentDetail))
    .query(({ ctx, input }) => getDeployment(ctx.app, input.id)),
  ofItem: procedureFor("viewer", "item")
    .input(strict(itemRef))
    .output(contract.releaseOfItem)
    .query(({ ctx, input }) => releaseOfItem(ctx.app, input.id)),
  checkPromotion: onRelease("viewer")
    .input(strict(contract.promoteInput))
    .output(exact<Awaited<ReturnType<typeof checkPromotion>>>()(contract.promotionCheck))
    .query(({ ctx, input }) => checkPromotion(ctx.app, ctx.actor, input)),
  deploy: onRelease("release-manager")
    .input(strict(contract.deployInput))
    .output(contract.queuedDeployment)
    .mutation(async ({ ctx, input }) => ({ deploymentId: await deployRelease(ctx.app, ctx.actor, input) })),
  promote: onRelease("release-manager")
    .input(strict(contract.promoteInput))
    .output(contract.queuedDeployment)
    .mutation(async ({ ctx, input }) => ({ deploymentId: await promoteRelease(ctx.app, ctx.actor, input) })),
  /** The rollback's target, its cards and how it gets there, for the confirmation; refused with the reason. */
  rollbackPreview: procedureFor("viewer")
    .input(strict(contract.rollbackRef))
    .output(exact<Awaited<ReturnType<typeof previewRollback>>>()(contract.rollbackPreview))
    .query(({ ctx, input }) => previewRollback(ctx.app, input)),
  rollback: releaseManager
    .input(strict(contract.rollbackInput))
    .output(exact<Awaited<ReturnType<typeof rollbackEnvironment>>>()(contract.rollbackQueued))
    .mutation(({ ctx, input }) => rollbackEnvironment(ctx.app, ctx.actor, input)),
  cancel: onDeployment("release-manager")
    .input(strict(contract.deploymentRef))
    .output(done)
    .mutation(({ ctx, input }) => cancelDeployment(ctx.app, ctx.actor, input.id)),
  signOffQa: procedureFor("release-manager", "item")
    .input(strict(contract.signOffQaInput))
    .output(done)
    .mutation(({ ctx, input }) => signOffQa(ctx.app, ctx.actor, input)),
  configureEnvironment: adminProcedure
    .input(strict(configureEnvironmentInput))
    .output(done)
    .mutation(({ ctx, input }) => updateEnvironmentSettings(ctx.app, ctx.actor, input)),
  createEnvironment: adminProcedure
    .input(strict(createEnvironmentInput))
    .output(done)
    .mutation(({ ctx, input }) => createEnvironmentFromTemplate(ctx.app, ctx.actor, input)),
  setPolicy: adminProcedure
    .input(strict(setPolicyInput))
    .output(done)
    .mutation(({ ctx, input }) => updateDeliveryPolicyService(ctx.app, ctx.actor, input)),
});
