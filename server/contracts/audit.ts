import { z } from "zod";
import { id, projectRef } from "./common";

export const auditInput = projectRef.extend({
  action: z.string().max(60).nullish(),
  actor: z.string().max(200).nullish(),
  from: z.string().max(10).nullish(),
  to: z.string().max(10).nullish(),
  beforeId: id.nullish(),
  limit: z.number().int().min(1).max(10_000).optional(),
});

/** The audit trail, newest first, with the actions it can be filtered by. */
export const auditPage = z.object({
  entries: z.array(
    z.object({
      key: z.string(),
      id: z.number(),
      at: z.date(),
      actor: z.string(),
      action: z.string(),
      label: z.string(),
      summary: z.string(),
    }),
  ),
  more: z.boolean(),
  actions: z.array(z.object({ action: z.string(), label: z.string() })),
});
