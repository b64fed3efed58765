import { and, asc, count, desc, eq, gte, inArray, isNull, lt, type SQL } from "drizzle-orm";
import type { Role } from "../../domain/access/roles";
import type { RowOf, Store } from "../client";

/** People, their roles per project, invitations and the sign-in log. Accounts and sessions are written by the sign-in library. */

export type UserRecord = RowOf<ReturnType<typeof userColumns>>;

function userColumns(store: Store) {
  const u = store.t.users;
  return { id: u.id, name: u.name, email: u.email, role: u.role, banned: u.banned, createdAt: u.createdAt };
}

export async function countUsers(store: Store): Promise<number> {
  const [row] = await store.db.select({ n: count() }).from(store.t.users);
  return Number(row.n);
}

export async function listUsers(store: Store): Promise<UserRecord[]> {
  return store.db.select(userColumns(store)).from(store.t.users).orderBy(asc(store.t.users.email));
}

export async function findUserByEmail(store: Store, email: string): Promise<UserRecord | null> {
  const [row] = await store.db
    .select(userColumns(store))
    .from(store.t.users)
    .where(eq(store.t.users.email, email.toLowerCase()));
  return row ?? null;
}

export async function setUserRole(store: Store, id: string, role: string | null): Promise<void> {
  await store.db.update(store.t.users).set({ role }).where(eq(store.t.users.id, id));
}

// Memberships

export interface MembershipRecord {
  projectId: number;
  userId: string;
  role: Role;
  email: string;
  name: string;
  createdAt: Date;
}

export async function findRole(store: Store, projectId: number, userId: string): Promise<Role | null> {
  const m = store.t.memberships;
  const [row] = await store.db
    .select({ role: m.role })
    .from(m)
    .where(and(eq(m.projectId, projectId), eq(m.userId, userId)));
  return row?.role ?? null;
}

export async function listMemberships(
  store: Store,
  filter: { projectId?: number; userId?: string },
): Promise<MembershipRecord[]> {
  const m = store.t.memberships;
  const u = store.t.users;
  const where: SQL[] = [];
  if (filter.projectId !== undefined) where.push(eq(m.projectId, filter.projectId));
  if (filter.userId !== undefined) where.push(eq(m.userId, filter.userId));
  return store.db
    .select({
      projectId: m.projectId,
      userId: m.userId,
      role: m.role,
      email: u.email,
      name: u.name,
      createdAt: m.createdAt,
    })
    .from(m)
    .innerJoin(u, eq(u.id, m.userId))
    .where(and(...where))
    .orderBy(asc(u.email));
}

/** Gives the user this role in the project, replacing any role they had; returns the role they had. */
export async function putMembership(
  store: Store,
  row: { projectId: number; userId: string; role: Role; createdBy: string },
): Promise<Role | null> {
  const before = await findRole(store, row.projectId, row.userId);
  const m = store.t.memberships;
  if (before)
    await store.db
      .update(m)
      .set({ role: row.role })
      .where(and(eq(m.projectId, row.projectId), eq(m.userId, row.userId)));
  else await store.db.insert(m).values(row);
  return before;
}

export async function deleteMembership(store: Store, projectId: number, userId: string): Promise<void> {
  const m = store.t.memberships;
  await store.db.delete(m).where(and(eq(m.projectId, projectId), eq(m.userId, userId)));
}

// Invitations

export type InviteRecord = RowOf<ReturnType<typeof inviteColumns>>;

function inviteColumns(store: Store) {
  const i = store.t.invites;
  return {
    id: i.id,
    projectId: i.projectId,
    email: i.email,
    role: i.role,
    createdBy: i.createdBy,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    acceptedAt: i.acceptedAt,
    acceptedBy: i.acceptedBy,
    revokedAt: i.revokedAt,
  };
}

export async function insertInvite(
  store: Store,
  row: Omit<InviteRecord, "id" | "createdAt" | "acceptedAt" | "acceptedBy" | "revokedAt"> & { hash: string },
): Promise<InviteRecord> {
  const [created] = await store.db.insert(store.t.invites).values(row).returning(inviteColumns(store));
  return created;
}

export async function findInviteByHash(store: Store, hash: string): Promise<InviteRecord | null> {
  const [row] = await store.db.select(inviteColumns(store)).from(store.t.invites).where(eq(store.t.invites.hash, hash));
  return row ?? null;
}

export async function listOpenInvites(store: Store, projectId: number, now: Date): Promise<InviteRecord[]> {
  const i = store.t.invites;
  return store.db
    .select(inviteColumns(store))
    .from(i)
    .where(and(eq(i.projectId, projectId), isNull(i.acceptedAt), isNull(i.revokedAt), gte(i.expiresAt, now)))
    .orderBy(desc(i.id));
}

/** Marks an open invitation accepted, if nobody did first; returns whether this call did. */
export async function claimInvite(store: Store, id: number, at: Date): Promise<boolean> {
  const i = store.t.invites;
  const claimed = await store.db
    .update(i)
    .set({ acceptedAt: at })
    .where(and(eq(i.id, id), isNull(i.acceptedAt), isNull(i.revokedAt)))
    .returning({ id: i.id });
  return claimed.length === 1;
}

/** Opens a claimed invitation again, when making the account failed. */
export async function unclaimInvite(store: Store, id: number): Promise<void> {
  const i = store.t.invites;
  await store.db
    .update(i)
    .set({ acceptedAt: null })
    .where(and(eq(i.id, id), isNull(i.acceptedBy)));
}

export async function closeInvite(
  store: Store,
  id: number,
  change: { acceptedAt?: Date; acceptedBy?: string; revokedAt?: Date },
): Promise<void> {
  await store.db.update(store.t.invites).set(change).where(eq(store.t.invites.id, id));
}

// The sign-in log

export interface AccessEventRecord {
  id: number;
  at: Date;
  action: string;
  actor: string;
  subject: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export async function appendAccessEvent(store: Store, event: Omit<AccessEventRecord, "id">): Promise<void> {
  await store.db.insert(store.t.accessEvents).values(event);
}

export async function listAccessEvents(
  store: Store,
  filter: { actions?: string[]; actor?: string | null; from?: Date | null; to?: Date | null },
  limit: number,
): Promise<AccessEventRecord[]> {
  const a = store.t.accessEvents;
  const where: SQL[] = [];
  if (filter.actions) where.push(inArray(a.action, filter.actions));
  if (filter.actor) where.push(eq(a.actor, filter.actor));
  if (filter.from) where.push(gte(a.at, filter.from));
  if (filter.to) where.push(lt(a.at, filter.to));
  return store.db
    .select()
    .from(a)
    .where(and(...where))
    .orderBy(desc(a.at), desc(a.id))
    .limit(limit);
}

export async function setUserBanned(store: Store, id: string, banned: boolean): Promise<void> {
  await store.db
    .update(store.t.users)
    .set({ banned, banReason: null, banExpires: null })
    .where(eq(store.t.users.id, id));
}

/** Signs the user out everywhere. */
export async function deleteSessionsOf(store: Store, userId: string): Promise<void> {
  await store.db.delete(store.t.sessions).where(eq(store.t.sessions.userId, userId));
}

/** Makes every session of the user expire at `at` (used by tests of expiry, and by nothing else). */
export async function expireSessionsOf(store: Store, userId: string, at: Date): Promise<void> {
  await store.db.update(store.t.sessions).set({ expiresAt: at }).where(eq(store.t.sessions.userId, userId));
}
