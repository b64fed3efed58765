import { z } from "zod";
import { projectRef } from "./common";

export const eventSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  itemId: z.number().nullable(),
  type: z.string(),
  actor: z.string(),
  at: z.date(),
  payload: z.record(z.string(), z.unknown()),
});

export const eventListInput = projectRef.extend({
  afterId: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
