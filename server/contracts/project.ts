import { z } from "zod";
import { text } from "./common";

export const createProjectInput = z.object({
  name: text(100),
  slug: text(48).optional(),
  repo: text(200).nullish(),
  keyPrefix: text(10).optional(),
});

export const projectSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  repo: z.string().nullable(),
  keyPrefix: z.string(),
  requiredApprovals: z.number(),
  createdAt: z.date(),
});
