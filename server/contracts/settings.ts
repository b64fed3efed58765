import { z } from "zod";
import { id, projectRef } from "./common";

export const deliverySchema = z.object({
  id: z.number(),
  deliveryId: z.string(),
  event: z.string(),
  action: z.string().nullable(),
  status: z.enum(["pending", "processed", "ignored", "failed"]),
  error: z.string().nullable(),
  receivedAt: z.date(),
  processedAt: z.date().nullable(),
});

export const tokenSchema = z.object({
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

/** A project's integrations: the GitHub webhook and its deliveries, the GitHub token and the API tokens. */
export const projectSettings = z.object({
  project: z.object({ slug: z.string(), name: z.string(), repo: z.string().nullable(), keyPrefix: z.string() }),
  webhook: z.object({ path: z.string(), secret: z.string().nullable(), events: z.array(z.string()) }),
  githubToken: z.object({ configured: z.boolean(), ending: z.string().nullable() }),
  deliveries: z.array(deliverySchema),
  tokens: z.array(tokenSchema),
});

export const githubTokenInput = projectRef.extend({ token: z.string().max(400).nullable() });
export const deliveryRef = projectRef.extend({ deliveryId: z.string().min(1).max(200) });
export const createTokenInput = projectRef.extend({
  name: z.string().max(100).optional(),
  scopes: z.array(z.string()).min(1).max(10),
  expiresIn: z.string().max(20).nullish(),
});
export const tokenRef = projectRef.extend({ id });
