import {
  countUsers,
  deleteSessionsOf,
  findUserByEmail,
  listMemberships,
  listUsers,
  setUserBanned,
  setUserRole,
  type UserRecord,
} from "../../db/repositories/access";
import { DomainError } from "../../domain/errors";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { authOf } from "../auth/auth";
import { recordAccess } from "../auth/access-log";

/** People: the first admin, accounts made by admins and the command line, disabling, instance admins. */

export interface NewUser {
  email: string;
  password: string;
  name?: string | null;
  /** "admin" administers the instance; "user" gets roles per project. */
  siteRole?: "admin" | "user";
}

/** An email as accounts and invitations keep it (trimmed, lower case), or a clear error. */
export function normaliseEmail(input: string): string {
  const email = input.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254)
    throw new DomainError("VALIDATION", `"${input}" is not an email address.`, { field: "email" });
  return email;
}

function checkNewUser(input: NewUser): { email: string; password: string; name: string } {
  const email = normaliseEmail(input.email);
  if (input.password.length < 8)
    throw new DomainError("VALIDATION", "The password needs at least 8 characters.", { field: "password" });
  if (input.password.length > 200)
    throw new DomainError("VALIDATION", "The password may have at most 200 characters.", { field: "password" });
  return { email, password: input.password, name: input.name?.trim() || email.split("@")[0] };
}

export async function createUser(app: App, actor: Actor, input: NewUser): Promise<UserRecord> {
  const checked = checkNewUser(input);
  const exists = () =>
    new DomainError(
      "USER.EXISTS",
      `There is already an account for ${checked.email}. Change its roles on a project's Members page instead.`,
      { field: "email" },
    );
  if (await findUserByEmail(app.database, checked.email)) throw exists();
  try {
    await authOf(app).api.createUser({ body: { ...checked, role: input.siteRole ?? "user" } });
  } catch (error) {
    // Made by a concurrent request between the check and the insert.
    if (await findUserByEmail(app.database, checked.email)) throw exists();
    throw error;
  }
  const user = (await findUserByEmail(app.database, checked.email))!;
  await recordAccess(app, {
    action: "user.created",
    actor: actor.id,
    subject: user.email,
    detail: { siteRole: user.role },
  });
  return user;
}

/** The first account of a fresh instance, made from the sign-in page; refused once anyone exists. */
export async function setUpFirstAdmin(app: App, input: NewUser): Promise<UserRecord> {
  if ((await countUsers(app.database)) > 0)
    throw new DomainError(
      "SETUP.DONE",
      "Shiplane already has an admin. Sign in instead, or ask an admin for an invitation.",
    );
  return createUser(app, { id: `user:${normaliseEmail(input.email)}`, role: "admin" }, { ...input, siteRole: "admin" });
}

/** SHIPLANE_ADMIN_EMAIL and SHIPLANE_ADMIN_PASSWORD at start: make that admin, or keep it (and its password) if it exists. */
export async function ensureAdmin(
  app: App,
  admin: { email: string | null; password: string | null },
): Promise<UserRecord | null> {
  const email = admin.email?.trim();
  const password = admin.password;
  if (!email && !password) return null;
  if (!email || !password)
    throw new DomainError(
      "VALIDATION",
      "Set both SHIPLANE_ADMIN_EMAIL and SHIPLANE_ADMIN_PASSWORD to create the first admin, or neither.",
    );
  const existing = await findUserByEmail(app.database, email);
  if (existing) {
    if (existing.role !== "admin") await setUserRole(app.database, existing.id, "admin");
    return existing;
  }
  return createUser(app, { id: "system", role: "admin" }, { email, password, siteRole: "admin" });
}

export async function needsSetup(app: App): Promise<boolean> {
  return (await countUsers(app.database)) === 0;
}

async function requireUser(app: App, email: string): Promise<UserRecord> {
  const user = await findUserByEmail(app.database, email);
  if (!user)
    throw new DomainError(
      "USER.NOT_FOUND",
      `There is no account for ${email}. Create one with "shiplane user create" or invite the person from a project's Members page.`,
    );
  return user;
}

/** Disables (or enables again) an account; disabling signs it out everywhere at once. */
export async function setUserDisabled(
  app: App,
  actor: Actor,
  input: { email: string; disabled: boolean },
): Promise<UserRecord> {
  const user = await requireUser(app, input.email);
  if (input.disabled && actor.id === `user:${user.email}`)
    throw new DomainError("VALIDATION", "You cannot disable your own account.");
  await app.database.transaction(async (store) => {
    await setUserBanned(store, user.id, input.disabled);
    if (input.disabled) await deleteSessionsOf(store, user.id);
  });
  await recordAccess(app, {
    action: input.disabled ? "user.disabled" : "user.enabled",
    actor: actor.id,
    subject: user.email,
  });
  return (await findUserByEmail(app.database, user.email))!;
}

/** Makes an account an instance admin, or takes that away (the last admin stays). */
export async function setSiteAdmin(
  app: App,
  actor: Actor,
  input: { email: string; admin: boolean },
): Promise<UserRecord> {
  const user = await requireUser(app, input.email);
  if (!input.admin && user.role === "admin") {
    const admins = (await listUsers(app.database)).filter((u) => u.role === "admin" && !u.banned);
    if (admins.length <= 1)
      throw new DomainError("VALIDATION", `${user.email} is the last instance admin; make someone else admin first.`);
  }
  await setUserRole(app.database, user.id, input.admin ? "admin" : "user");
  await recordAccess(app, {
    action: "user.role",
    actor: actor.id,
    subject: user.email,
    detail: { siteRole: input.admin ? "admin" : "user" },
  });
  return (await findUserByEmail(app.database, user.email))!;
}

/** Every account, with its roles per project, for the Users page. */
export async function listPeople(app: App) {
  const [users, memberships] = await Promise.all([listUsers(app.database), listMemberships(app.database, {})]);
  return users.map((user) => ({
    ...user,
    disabled: Boolean(user.banned),
    siteAdmin: user.role === "admin",
    projects: memberships.filter((m) => m.userId === user.id).map((m) => ({ projectId: m.projectId, role: m.role })),
  }));
}
