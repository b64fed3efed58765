import { randomBytes } from "node:crypto";
import {
  claimInvite,
  closeInvite,
  deleteMembership,
  findInviteByHash,
  findRole,
  findUserByEmail,
  insertInvite,
  listMemberships,
  listOpenInvites,
  putMembership,
  unclaimInvite,
  type InviteRecord,
} from "../../db/repositories/access";
import { findProjectById } from "../../db/repositories/projects";
import { isRole, type Role } from "../../domain/access/roles";
import { DomainError } from "../../domain/errors";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { hashToken } from "../auth/tokens";
import { requireProject } from "./lookups";
import { createUser, normaliseEmail } from "./users";

/** Who may do what in a project: members, their roles, and invitations by link (no mail server needed). */

const INVITE_DAYS = 7;

function checkRole(role: string): Role {
  if (!isRole(role))
    throw new DomainError("VALIDATION", `"${role}" is not a role: viewer, member, release-manager or admin.`, {
      field: "role",
    });
  return role;
}

export async function listMembers(app: App, input: { project: string }) {
  const project = await requireProject(app.database, input.project);
  const [members, invites] = await Promise.all([
    listMemberships(app.database, { projectId: project.id }),
    listOpenInvites(app.database, project.id, app.now()),
  ]);
  return { members, invites };
}

/**
 * Changes a member's role. A project admin cannot add someone this way — they invite by email, and
 * the person accepts — and the answer for a non-member is the same whether an account exists or
 * not. Instance admins and the command line, who see every account anyway, may add one directly.
 */
export async function setMemberRole(app: App, actor: Actor, input: { project: string; email: string; role: string }) {
  const role = checkRole(input.role);
  const project = await requireProject(app.database, input.project);
  const user = await findUserByEmail(app.database, input.email);
  const member = user ? await findRole(app.database, project.id, user.id) : null;
  if (!user || (!member && !actor.instanceAdmin))
    throw new DomainError(
      "USER.NOT_FOUND",
      `${input.email} is not a member of ${project.slug}. Invite them instead: they join when they open the link.`,
      { field: "email" },
    );
  await changeProject(app, project.id, async (store, record) => {
    const from = await putMembership(store, { projectId: project.id, userId: user.id, role, createdBy: actor.id });
    if (from !== role)
      await record({ itemId: null, type: "member.role", actor: actor.id, payload: { email: user.email, from, role } });
  });
  return { email: user.email, role };
}

export async function removeMember(app: App, actor: Actor, input: { project: string; email: string }) {
  const project = await requireProject(app.database, input.project);
  const user = await findUserByEmail(app.database, input.email);
  const role = user ? await findRole(app.database, project.id, user.id) : null;
  if (!user || !role)
    throw new DomainError("USER.NOT_FOUND", `${input.email} is not a member of ${project.slug}.`, { field: "email" });
  if (actor.id === `user:${user.email}`)
    throw new DomainError("VALIDATION", "You cannot remove yourself; ask another admin.");
  await changeProject(app, project.id, async (store, record) => {
    await deleteMembership(store, project.id, user.id);
    await record({ itemId: null, type: "member.removed", actor: actor.id, payload: { email: user.email, role } });
  });
}

/** An invitation link for the email and role; only its hash is kept, so the link is shown once. */
export async function createInvite(
  app: App,
  actor: Actor,
  input: { project: string; email: string; role: string },
): Promise<{ token: string; invite: InviteRecord }> {
  const role = checkRole(input.role);
  const email = normaliseEmail(input.email);
  const project = await requireProject(app.database, input.project);
  const token = randomBytes(24).toString("base64url");
  const now = app.now();
  const invite = await changeProject(app, project.id, async (store, record) => {
    const row = await insertInvite(store, {
      projectId: project.id,
      email,
      role,
      hash: hashToken(token),
      createdBy: actor.id,
      expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000),
    });
    await record({ itemId: null, type: "invite.created", actor: actor.id, payload: { id: row.id, email, role } });
    return row;
  });
  return { token, invite };
}

export async function revokeInvite(app: App, actor: Actor, input: { project: string; id: number }) {
  const project = await requireProject(app.database, input.project);
  const invite = (await listOpenInvites(app.database, project.id, app.now())).find((i) => i.id === input.id);
  if (!invite) throw new DomainError("INVITE.INVALID", "This invitation was already used, revoked or has expired.");
  await changeProject(app, project.id, async (store, record) => {
    await closeInvite(store, invite.id, { revokedAt: app.now() });
    await record({
      itemId: null,
      type: "invite.revoked",
      actor: actor.id,
      payload: { id: invite.id, email: invite.email, role: invite.role },
    });
  });
}

function usedInvite() {
  return new DomainError(
    "INVITE.INVALID",
    "This invitation link was already used, revoked or has expired. Ask the project's admin for a new one.",
  );
}

async function openInvite(app: App, token: string) {
  const invite = await findInviteByHash(app.database, hashToken(token));
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= app.now()) throw usedInvite();
  const project = (await findProjectById(app.database, invite.projectId))!;
  return { invite, project };
}

/** What the invitation page shows before it is accepted. */
export async function describeInvite(app: App, token: string) {
  const { invite, project } = await openInvite(app, token);
  const account = await findUserByEmail(app.database, invite.email);
  return {
    email: invite.email,
    role: invite.role,
    project: { slug: project.slug, name: project.name },
    hasAccount: Boolean(account),
    expiresAt: invite.expiresAt,
  };
}

/**
 * Accepts an invitation: a new person sets a name and password (the account is made for the
 * invited email); someone with an account is signed in as that email already.
 */
export async function acceptInvite(
  app: App,
  input: { token: string; signedInEmail?: string | null; name?: string | null; password?: string | null },
) {
  const { invite, project } = await openInvite(app, input.token);
  const existing = await findUserByEmail(app.database, invite.email);
  if (existing && input.signedInEmail !== existing.email)
    throw new DomainError("AUTH.UNAUTHENTICATED", `Sign in as ${invite.email} to accept this invitation.`);
  if (!existing && !input.password)
    throw new DomainError("VALIDATION", "Choose a password (at least 8 characters) to create your account.", {
      field: "password",
    });
  // The invitation is claimed before anything is made, so of several concurrent acceptances one
  // goes on and the others are told it was used.
  if (!(await claimInvite(app.database, invite.id, app.now()))) throw usedInvite();
  let user = existing;
  try {
    user ??= await createUser(
      app,
      { id: `invite:${invite.id}`, role: invite.role },
      { email: invite.email, password: input.password!, name: input.name },
    );
  } catch (error) {
    await unclaimInvite(app.database, invite.id);
    throw error;
  }
  const joined = user;
  const actor: Actor = { id: `user:${joined.email}`, role: invite.role };
  await changeProject(app, project.id, async (store, record) => {
    const from = await putMembership(store, {
      projectId: project.id,
      userId: joined.id,
      role: invite.role,
      createdBy: invite.createdBy,
    });
    await closeInvite(store, invite.id, { acceptedBy: joined.id });
    await record({
      itemId: null,
      type: "invite.accepted",
      actor: actor.id,
      payload: { id: invite.id, email: joined.email, role: invite.role, from },
    });
  });
  return { email: joined.email, project: project.slug, role: invite.role };
}
