import { randomBytes } from "node:crypto";
import { parseDuration, parseScopes } from "../../domain/access/scopes";
import { DomainError } from "../../domain/errors";
import { insertToken, listTokens, revokeTokenRow, type TokenRecord } from "../../db/repositories/tokens";
import { hashToken } from "../auth/tokens";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { requireProject } from "./lookups";

const PREFIX = "slp_";

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
    await record({
      itemId: null,
      type: "token.created",
      actor: actor.id,
      payload: { id: row.id, name: row.name, scopes },
    });
    return row;
  });
  return { token, record };
}

export async function listProjectTokens(app: App, input: { project: string }): Promise<TokenRecord[]> {
  const project = await requireProject(app.database, input.project);
  return listTokens(app.database, project.id);
}

export async function revokeToken(
  app: App,
  actor: Actor,
  input: { project: string; id: number },
): Promise<TokenRecord> {
  const project = await requireProject(app.database, input.project);
  const tokens = await listTokens(app.database, project.id);
  const token = tokens.find((t) => t.id === input.id);
  if (!token)
    throw new DomainError(
      "TOKEN.NOT_FOUND",
      `Project ${project.slug} has no token ${input.id}: list them with "shiplane token list --project ${project.slug}".`,
    );
  if (token.revokedAt) return token;
  return changeProject(app, project.id, async (store, record) => {
    const row = (await revokeTokenRow(store, token.id, app.now()))!;
    await record({ itemId: null, type: "token.revoked", actor: actor.id, payload: { id: row.id, name: row.name } });
    return row;
  });
}
