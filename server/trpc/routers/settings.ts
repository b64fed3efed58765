import { z } from "zod";
import { projectRef, strict } from "../../contracts/common";
import {
  createTokenInput,
  deliveryRef,
  githubTokenInput,
  projectSettings,
  tokenRef,
  tokenSchema,
} from "../../contracts/settings";
import { replayDelivery } from "../../integrations/github/process";
import { getProjectSettings, regenerateWebhookSecret, setProjectGithubToken } from "../../services/project-settings";
import { createToken, revokeToken } from "../../services/tokens";
import { requireProject } from "../../services/lookups";
import { adminProcedure, router } from "../init";

/**
 * A project's integrations: the GitHub webhook and its deliveries, and API tokens. Admins only.
 * The outputs are projections: a token's hash never leaves the server.
 */
export const settingsRouter = router({
  get: adminProcedure
    .input(strict(projectRef))
    .output(projectSettings)
    .query(({ ctx, input }) => getProjectSettings(ctx.app, input)),
  regenerateSecret: adminProcedure
    .input(strict(projectRef))
    .output(z.object({ secret: z.string() }))
    .mutation(async ({ ctx, input }) => ({ secret: await regenerateWebhookSecret(ctx.app, ctx.actor, input) })),
  setGithubToken: adminProcedure
    .input(strict(githubTokenInput))
    .output(z.object({ configured: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setProjectGithubToken(ctx.app, ctx.actor, input);
      return { configured: Boolean(input.token?.trim()) };
    }),
  replayDelivery: adminProcedure
    .input(strict(deliveryRef))
    .output(z.object({ status: z.string(), error: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const project = await requireProject(ctx.app.database, input.project);
      const delivery = await replayDelivery(ctx.app, project.id, input.deliveryId);
      return { status: delivery.status, error: delivery.error };
    }),
  createToken: adminProcedure
    .input(strict(createTokenInput))
    .output(z.object({ token: z.string(), record: tokenSchema }))
    .mutation(({ ctx, input }) => createToken(ctx.app, ctx.actor, input)),
  revokeToken: adminProcedure
    .input(strict(tokenRef))
    .output(tokenSchema)
    .mutation(({ ctx, input }) => revokeToken(ctx.app, ctx.actor, input)),
});
