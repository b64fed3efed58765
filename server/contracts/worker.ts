import { z } from "zod";
import { id } from "./common";

const tag = z
  .string()
  .trim()
  .regex(/^(\*|[a-z0-9][a-z0-9._-]{0,39})$/i, "a tag is 1–40 letters, digits, dots, dashes or underscores, or *");
const slug = z.string().trim().min(1).max(100);

export const workerInput = z.object({
  name: z.string().trim().min(1, "name the worker, e.g. eu-deploy-1").max(100),
  tags: z.array(tag).max(20),
  projects: z.array(slug).max(100),
});
export const workerRef = z.object({ id });
export const workerChange = workerRef.extend({
  tags: z.array(tag).max(20).optional(),
  projects: z.array(slug).max(100).optional(),
});

export const workerView = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  tags: z.array(z.string()),
  projects: z.array(z.string()),
  builtIn: z.boolean(),
  createdBy: z.string(),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
  lastSeenAt: z.date().nullable(),
  online: z.boolean(),
  version: z.string().nullable(),
  hostname: z.string().nullable(),
  job: z
    .object({ id: z.number(), phase: z.string(), deploymentId: z.number().nullable(), startedAt: z.date().nullable() })
    .nullable(),
});

/** A new worker's token, shown once. */
export const createdWorker = z.object({ token: z.string(), id: z.number(), name: z.string() });
