import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { App } from "../app";
import { needsSetup } from "../services/users";
import { findProjectBySlug, type ProjectRecord } from "../../db/repositories/projects";
import type { Role } from "../../domain/access/roles";
import { currentUser, roleIn, type SignedInUser } from "./session";

/**
 * For pages: the signed-in person, or a redirect to the first-run setup or to the sign-in page,
 * which sends them back to the page asked for, with its query (proxy.ts names it), after.
 */
export async function requireSignedIn(app: App, returnTo: string): Promise<SignedInUser> {
  const request = await headers();
  const user = await currentUser(app, request);
  if (user) return user;
  if (await needsSetup(app)) redirect("/setup");
  redirect(`/login?next=${encodeURIComponent(request.get("x-shiplane-page") ?? returnTo)}`);
}

/** For a project's pages: the project named in the address, and the person's role in it (null when not a member). */
export async function membershipForPage(
  app: App,
  user: SignedInUser,
  slug: string,
): Promise<{ project: ProjectRecord | null; role: Role | null }> {
  const project = await findProjectBySlug(app.database, slug);
  return { project, role: project ? await roleIn(app, user, project.id) : null };
}
