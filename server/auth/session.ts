import { findRole, listMemberships } from "../../db/repositories/access";
import { listProjects, type ProjectRecord } from "../../db/repositories/projects";
import type { Role } from "../../domain/access/roles";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { authOf } from "./auth";

/** A person signed in through a session cookie. */
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  /** Instance admins administer every project and the users. */
  siteAdmin: boolean;
  /** The session's id (never its token), when the person came through a cookie. */
  sessionId?: string;
}

/** The person behind the request's session cookie, or null (no cookie, expired, signed out or disabled). */
export async function currentUser(app: App, headers: Headers): Promise<SignedInUser | null> {
  if (!headers.get("cookie")) return null;
  const session = await authOf(app).api.getSession({ headers });
  if (!session || session.user.banned) return null;
  const user = session.user;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    siteAdmin: user.role === "admin",
    sessionId: session.session.id,
  };
}

/** The user's role in the project: admin for instance admins, else their membership's, else none. */
export async function roleIn(app: App, user: SignedInUser, projectId: number): Promise<Role | null> {
  if (user.siteAdmin) return "admin";
  return findRole(app.database, projectId, user.id);
}

/** The projects the person may see: every one for instance admins, else those they are a member of. */
export async function projectsOf(app: App, user: SignedInUser): Promise<ProjectRecord[]> {
  const projects = await listProjects(app.database);
  if (user.siteAdmin) return projects;
  const mine = new Set((await listMemberships(app.database, { userId: user.id })).map((m) => m.projectId));
  return projects.filter((project) => mine.has(project.id));
}

export function userActor(user: SignedInUser, role: Role): Actor {
  return { id: `user:${user.email}`, role, instanceAdmin: user.siteAdmin };
}
