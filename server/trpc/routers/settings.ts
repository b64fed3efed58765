import { z } from "zod";
import { replayDelivery } from "../../integrations/github/process";
import { projectRef } from "../../http/schemas";
import { getProjectSettings, regenerateWebhookSecret, setProjectGithubToken } from "../../services/project-settings";
import { createToken, revokeToken } from "../../services/tokens";
import { adminProcedure, procedureFor, router } from "../init";

const deliverySchema = z.object({
  id: z.number(),
  deliveryId: z.string(),
  event: z.string(),
  action: z.string().nullable(),
  status: z.enum(["pending", "processed", "ignored", "failed"]),
  error: z.string().nullable(),
  receivedAt: z.date(),
  processedAt: z.date().nullable(),
});

const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

/** A project's integrations: the GitHub webhook and its deliveries, and API tokens. Admins only. */
export const settingsRouter = router({
  get: adminProcedure
    .input(projectRef)
    .output(
      z.object({
        project: z.object({ slug: z.string(), name: z.string(), repo: z.string().nullable(), keyPrefix: z.string() }),
        webhook: z.object({ path: z.string(), secret: z.string().nullable(), events: z.array(z.string()) }),
        githubToken: z.object({ configured: z.boolean(), ending: z.string().nullable() }),
        deliveries: z.array(deliverySchema),
        tokens: z.array(tokenSchema),
      }),
    )
    .query(({ ctx, input }) => getProjectSettings(ctx.app, input)),
  regenerateSecret: adminProcedure
    .input(projectRef)
    .output(z.object({ secret: z.string() }))
    .mutation(async ({ ctx, input }) => ({ secret: await regenerateWebhookSecret(ctx.app, ctx.actor, input) })),
  setGithubToken: adminProcedure
    .input(projectRef.extend({ token: z.string().max(400).nullable() }))
    .output(z.object({ configured: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setProjectGithubToken(ctx.app, ctx.actor, input);
      return { configured: Boolean(input.token?.trim()) };
    }),
  replayDelivery: procedureFor("admin", "delivery")
    .input(z.object({ deliveryId: z.string().min(1).max(200) }))
    .output(z.object({ status: z.string(), error: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const delivery = await replayDelivery(ctx.app, input.deliveryId);
      return { status: delivery.status, error: delivery.error };
    }),
  createToken: adminProcedure
    .input(
      projectRef.extend({
        name: z.string().max(100).optional(),
        scopes: z.array(z.string()).min(1).max(10),
        expiresIn: z.string().max(20).nullish(),
      }),
    )
    .output(z.object({ token: z.string(), record: tokenSchema }))
    .mutation(({ ctx, input }) => createToken(ctx.app, ctx.actor, input)),
  revokeToken: adminProcedure
    .input(projectRef.extend({ id: z.number().int().positive() }))
    .output(tokenSchema)
    .mutation(({ ctx, input }) => revokeToken(ctx.app, ctx.actor, input)),
});
