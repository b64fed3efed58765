import { createHash, randomBytes } from "node:crypto";
import { grants, parseDuration, parseScopes, type Scope } from "../../domain/access/scopes";
import { DomainError } from "../../domain/errors";
import { findTokenByHash, insertToken, listTokens, markTokenUsed, revokeTokenRow, type TokenRecord } from "../../db/repositories/tokens";
import type { ProjectRecord } from "../../db/repositories/projects";
import { changeProject, type Actor, type App } from "../app";
import { requireProject } from "./lookups";

const PREFIX = "slp_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a project token; the secret is returned once and only its hash is kept. */
export async function createToken(
  app: App,
  actor: Actor,
  input: { project: string; name?: string; scopes: string | string[]; expiresIn?: string | null },
): Promise<{ token: string; record: TokenRecord }> {
  const scopes = parseScopes(input.scopes);
  const lifetime = parseDuration(input.expiresIn);
  const project = await requireProject(app.database, input.project);
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const now = app.now();
  const record = await changeProject(app, project.id, async (store, record) => {
    const row = await insertToken(store, {
      projectId: project.id,
      name: input.name?.trim() || scopes.join(" "),
      prefix: token.slice(0, 10),
      hash: hashToken(token),
      scopes,
      createdBy: actor.id,
      createdAt: now,
      expiresAt: lifetime ? new Date(now.getTime() + lifetime) : null,
    });
    await record({ itemId: null, type: "token.created", actor: actor.id, payload: { id: row.id, name: row.name, scopes } });
    return row;
  });
  return { token, record };
}

export async function listProjectTokens(app: App, input: { project: string }): Promise<TokenRecord[]> {
  const project = await requireProject(app.database, input.project);
  return listTokens(app.database, project.id);
}

export async function revokeToken(app: App, actor: Actor, input: { project: string; id: number }): Promise<TokenRecord> {
  const project = await requireProject(app.database, input.project);
  const tokens = await listTokens(app.database, project.id);
  const token = tokens.find((t) => t.id === input.id);
  if (!token) throw new DomainError("TOKEN.NOT_FOUND", `Project ${project.slug} has no token ${input.id}: list them with "shiplane token list --project ${project.slug}".`);
  if (token.revokedAt) return token;
  return changeProject(app, project.id, async (store, record) => {
    const row = (await revokeTokenRow(store, token.id, app.now()))!;
    await record({ itemId: null, type: "token.revoked", actor: actor.id, payload: { id: row.id, name: row.name } });
    return row;
  });
}

/** The live token named by `Authorization: Bearer …`, whatever its project and scopes. */
export async function findBearerToken(app: App, authorization: string | null, how = "Create one with: shiplane token create --project <project> --scopes <scopes>"): Promise<TokenRecord> {
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  if (!match) throw new DomainError("AUTH.UNAUTHENTICATED", `This needs an API token: send "Authorization: Bearer <token>". ${how}.`);
  const token = await findTokenByHash(app.database, hashToken(match[1]));
  if (!token) throw new DomainError("AUTH.UNAUTHENTICATED", `This API token is not known. ${how}.`);
  if (token.revokedAt) throw new DomainError("AUTH.UNAUTHENTICATED", `This API token (${token.prefix}…) was revoked. ${how}.`);
  if (token.expiresAt && token.expiresAt <= app.now()) throw new DomainError("AUTH.UNAUTHENTICATED", `This API token (${token.prefix}…) expired. ${how}.`);
  // The last-used time is kept to the minute, so that busy scripts do not write on every call.
  if (!token.lastUsedAt || app.now().getTime() - token.lastUsedAt.getTime() > 60_000) await markTokenUsed(app.database, token.id, app.now());
  return token;
}

/** Checks `Authorization: Bearer …` for a live token of this project that grants `scope`. */
export async function authenticate(app: App, authorization: string | null, project: ProjectRecord, scope: Scope): Promise<TokenRecord> {
  const how = `Create one with: shiplane token create --project ${project.slug} --scopes ${scope}`;
  const token = await findBearerToken(app, authorization, how);
  if (token.projectId !== project.id) throw new DomainError("AUTH.FORBIDDEN", `This API token belongs to another project, not ${project.slug}.`);
  if (!grants(token.scopes, scope)) {
    throw new DomainError("AUTH.FORBIDDEN", `This API token lacks the ${scope} scope (it has ${token.scopes.join(", ")}). ${how}.`);
  }
  return token;
}
