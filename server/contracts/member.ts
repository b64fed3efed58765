import { z } from "zod";
import { ROLES } from "../../domain/access/roles";
import { id, projectRef } from "./common";

export const email = z.string().trim().min(3).max(254);
const role = z.enum(ROLES);

export const memberRef = projectRef.extend({ email });
export const memberRoleInput = projectRef.extend({ email, role });
export const inviteRef = projectRef.extend({ id });

export const membersList = z.object({
  members: z.array(
    z.object({
      projectId: z.number(),
      userId: z.string(),
      role,
      email: z.string(),
      name: z.string(),
      createdAt: z.date(),
    }),
  ),
  invites: z.array(
    z.object({
      id: z.number(),
      projectId: z.number(),
      email: z.string(),
      role,
      createdBy: z.string(),
      createdAt: z.date(),
      expiresAt: z.date(),
      acceptedAt: z.date().nullable(),
      acceptedBy: z.string().nullable(),
      revokedAt: z.date().nullable(),
    }),
  ),
});

export const memberRole = z.object({ email: z.string(), role });

/** An invitation link's secret, shown once, and what it grants. */
export const createdInvite = z.object({
  token: z.string(),
  path: z.string(),
  email: z.string(),
  role,
  expiresAt: z.date(),
});
