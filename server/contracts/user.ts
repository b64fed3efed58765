import { z } from "zod";
import { ROLES } from "../../domain/access/roles";
import { email } from "./member";

export const createUserInput = z.object({
  email,
  password: z.string().min(1).max(200),
  name: z.string().max(100).nullish(),
  siteAdmin: z.boolean().default(false),
});
export const userDisabledInput = z.object({ email, disabled: z.boolean() });
export const userAdminInput = z.object({ email, admin: z.boolean() });

export const createdUser = z.object({ id: z.string(), email: z.string() });

/** Every account, with its roles per project, for the Users page. */
export const peopleList = z.array(
  z.object({
    disabled: z.boolean(),
    siteAdmin: z.boolean(),
    projects: z.array(z.object({ projectId: z.number(), role: z.enum(ROLES) })),
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.string().nullable(),
    banned: z.boolean().nullable(),
    createdAt: z.date(),
  }),
);
