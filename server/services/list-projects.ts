import { listProjects, type ProjectRecord } from "../../db/repositories/projects";
import type { App } from "../app";
import { projectsOf, type SignedInUser } from "../auth/session";

/** The projects the caller may see: all of them for instance admins and the local operator, else their memberships. */
export async function visibleProjects(app: App, user: SignedInUser | null | undefined): Promise<ProjectRecord[]> {
  return user ? projectsOf(app, user) : listProjects(app.database);
}
