import { findProjectById, findProjectBySlug, listProjects, type ProjectRecord } from "../../db/repositories/projects";
import type { TokenRecord } from "../../db/repositories/tokens";
import { atLeast, forbidden, ROLE_FOR_SCOPE } from "../../domain/access/roles";
import { grants, type Scope } from "../../domain/access/scopes";
import { DomainError } from "../../domain/errors";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { sameOrigin } from "../auth/csrf";
import { currentUser, projectsOf, roleIn, userActor, type SignedInUser } from "../auth/session";
import { findBearerToken } from "../auth/tokens";

/**
 * Who may call a REST route: a project token with the route's scope, or a signed-in person (the
 * UI's session cookie) whose role in the project does what the scope allows. The caller is
 * identified before anything is looked up (no credentials: 401, whatever the address names), and
 * a project the caller cannot see answers exactly like one that does not exist (404), so nothing
 * can be probed. Cookie-authenticated changes must come from Shiplane's own pages (CSRF).
 */

type Caller = { token: TokenRecord; user?: never } | { user: SignedInUser; token?: never };

async function identify(app: App, req: Request, scope: Scope | null, slug?: string): Promise<Caller> {
  const authorization = req.headers.get("authorization");
  if (authorization) return { token: await findBearerToken(app, authorization, howToGetToken(scope, slug)) };
  const user = await currentUser(app, req.headers);
  if (!user)
    throw new DomainError(
      "AUTH.UNAUTHENTICATED",
      `This needs an API token${scope ? ` with the ${scope} scope` : ""} ("Authorization: Bearer <token>"), or a signed-in session. ${howToGetToken(scope, slug)}.`,
    );
  if (req.method !== "GET" && req.method !== "HEAD" && !sameOrigin(req))
    throw new DomainError(
      "AUTH.FORBIDDEN",
      "This change came from another site, so it was refused. Scripts should send an API token instead of a cookie.",
    );
  return { user };
}

const howToGetToken = (scope: Scope | null, slug = "<project>") =>
  `Create one with: shiplane token create --project ${slug} --scopes ${scope ?? "<scopes>"}`;

/** The caller's actor in the project, or `hidden` when the project is not theirs to see. */
async function actorIn(
  app: App,
  caller: Caller,
  project: ProjectRecord,
  scope: Scope,
  hidden: () => DomainError,
): Promise<Actor> {
  if (caller.token) {
    const token = caller.token;
    if (token.projectId !== project.id) throw hidden();
    if (!grants(token.scopes, scope))
      throw new DomainError(
        "AUTH.FORBIDDEN",
        `This API token lacks the ${scope} scope (it has ${token.scopes.join(", ")}). Create one with: shiplane token create --project ${project.slug} --scopes ${scope}.`,
      );
    return { id: `token:${token.id}`, role: grants(token.scopes, "admin") ? "admin" : ROLE_FOR_SCOPE[scope] };
  }
  const role = await roleIn(app, caller.user, project.id);
  if (!role) throw hidden();
  const needed = ROLE_FOR_SCOPE[scope];
  if (!atLeast(role, needed)) throw new DomainError("AUTH.FORBIDDEN", forbidden(needed, role));
  return userActor(caller.user, role);
}

const noProject = (slug: string) => () =>
  new DomainError(
    "PROJECT.NOT_FOUND",
    `There is no project "${slug}" that you can see (an API token sees only its own project). List yours with GET /api/v1/projects.`,
    { project: slug },
  );

/** A route under /projects/{project}: the project and the caller's actor in it. */
export async function authorizeProject(
  app: App,
  req: Request,
  slug: string,
  scope: Scope,
): Promise<{ project: ProjectRecord; actor: Actor }> {
  const caller = await identify(app, req, scope, slug);
  const project = await findProjectBySlug(app.database, slug);
  if (!project) throw noProject(slug)();
  return { project, actor: await actorIn(app, caller, project, scope, noProject(slug)) };
}

/**
 * A route addressed by something that belongs to a project (a card, a release, a deployment):
 * `find` looks it up after the caller is known; one in a project the caller cannot see is "not found".
 */
export async function authorizeThing<T extends { projectId: number }>(
  app: App,
  req: Request,
  scope: Scope,
  find: () => Promise<T | null>,
  notFound: () => DomainError,
): Promise<{ thing: T; actor: Actor }> {
  const caller = await identify(app, req, scope);
  const thing = await find();
  if (!thing) throw notFound();
  const project = (await findProjectById(app.database, thing.projectId))!;
  return { thing, actor: await actorIn(app, caller, project, scope, notFound) };
}

/** A route only machines call (Alertmanager): a token of the project with the scope; never a cookie. */
export async function authorizeToken(app: App, req: Request, slug: string, scope: Scope): Promise<Actor> {
  const token = await findBearerToken(app, req.headers.get("authorization"), howToGetToken(scope, slug));
  const project = await findProjectBySlug(app.database, slug);
  if (!project) throw noProject(slug)();
  return actorIn(app, { token }, project, scope, noProject(slug));
}

/** The projects the caller may read: a token's own project, a person's memberships (all for instance admins). */
export async function readableProjects(app: App, req: Request): Promise<ProjectRecord[]> {
  const caller = await identify(app, req, "items:read");
  if (caller.token) {
    const token = caller.token;
    if (!grants(token.scopes, "items:read"))
      throw new DomainError(
        "AUTH.FORBIDDEN",
        `This API token lacks the items:read scope (it has ${token.scopes.join(", ")}).`,
      );
    return (await listProjects(app.database)).filter((p) => p.id === token.projectId);
  }
  return projectsOf(app, caller.user);
}
