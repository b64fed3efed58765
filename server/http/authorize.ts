import { findProjectById, listProjects, type ProjectRecord } from "../../db/repositories/projects";
import { atLeast, forbidden, ROLE_FOR_SCOPE } from "../../domain/access/roles";
import { grants, type Scope } from "../../domain/access/scopes";
import { DomainError } from "../../domain/errors";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { sameOrigin } from "../auth/csrf";
import { currentUser, projectsOf, roleIn, userActor } from "../auth/session";
import { authenticate, findBearerToken } from "../auth/tokens";

/**
 * Who may call a REST route: a project token with the route's scope, or a signed-in person (the
 * UI's session cookie) whose role in the project does what the scope allows. Cookie-authenticated
 * changes must come from Shiplane's own pages (CSRF).
 */
export async function authorizeRequest(app: App, req: Request, project: ProjectRecord, scope: Scope): Promise<Actor> {
  if (req.headers.get("authorization")) {
    const token = await authenticate(app, req.headers.get("authorization"), project, scope);
    return { id: `token:${token.id}`, role: grants(token.scopes, "admin") ? "admin" : ROLE_FOR_SCOPE[scope] };
  }
  const user = await currentUser(app, req.headers);
  if (!user) {
    throw new DomainError(
      "AUTH.UNAUTHENTICATED",
      `This needs an API token with the ${scope} scope ("Authorization: Bearer <token>"), or a signed-in session. Create a token with: shiplane token create --project ${project.slug} --scopes ${scope}.`,
    );
  }
  if (req.method !== "GET" && req.method !== "HEAD" && !sameOrigin(req)) {
    throw new DomainError(
      "AUTH.FORBIDDEN",
      "This change came from another site, so it was refused. Scripts should send an API token instead of a cookie.",
    );
  }
  const needed = ROLE_FOR_SCOPE[scope];
  const role = await roleIn(app, user, project.id);
  if (!role || !atLeast(role, needed)) throw new DomainError("AUTH.FORBIDDEN", forbidden(needed, role));
  return userActor(user, role);
}

/** The same, for a route addressed by something that belongs to a project (a release, a deployment, a card). */
export async function authorizeForProjectId(app: App, req: Request, projectId: number, scope: Scope): Promise<Actor> {
  return authorizeRequest(app, req, (await findProjectById(app.database, projectId))!, scope);
}

/** The projects the caller may read: a token's own project, a person's memberships (all for instance admins). */
export async function readableProjects(app: App, req: Request): Promise<ProjectRecord[]> {
  if (req.headers.get("authorization")) {
    const token = await findBearerToken(app, req.headers.get("authorization"));
    if (!grants(token.scopes, "items:read"))
      throw new DomainError(
        "AUTH.FORBIDDEN",
        `This API token lacks the items:read scope (it has ${token.scopes.join(", ")}).`,
      );
    return (await listProjects(app.database)).filter((p) => p.id === token.projectId);
  }
  const user = await currentUser(app, req.headers);
  if (!user)
    throw new DomainError(
      "AUTH.UNAUTHENTICATED",
      'This needs an API token ("Authorization: Bearer <token>") or a signed-in session.',
    );
  return projectsOf(app, user);
}
