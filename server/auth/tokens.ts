import { createHash } from "node:crypto";
import { DomainError } from "../../domain/errors";
import { findTokenByHash, markTokenUsed, type TokenRecord } from "../../db/repositories/tokens";
import { findWorkerByHash, type WorkerRecord } from "../../db/repositories/workers";
import type { App } from "../app";

/** Tokens (API, callback, invitation) are only ever stored as this hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The live token named by `Authorization: Bearer …`, whatever its project and scopes. */
export async function findBearerToken(
  app: App,
  authorization: string | null,
  how = "Create one with: shiplane token create --project <project> --scopes <scopes>",
): Promise<TokenRecord> {
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  if (!match)
    throw new DomainError(
      "AUTH.UNAUTHENTICATED",
      `This needs an API token: send "Authorization: Bearer <token>". ${how}.`,
    );
  const token = await findTokenByHash(app.database, hashToken(match[1]));
  if (!token) throw new DomainError("AUTH.UNAUTHENTICATED", `This API token is not known. ${how}.`);
  if (token.revokedAt)
    throw new DomainError("AUTH.UNAUTHENTICATED", `This API token (${token.prefix}…) was revoked. ${how}.`);
  if (token.expiresAt && token.expiresAt <= app.now())
    throw new DomainError("AUTH.UNAUTHENTICATED", `This API token (${token.prefix}…) expired. ${how}.`);
  // The last-used time is kept to the minute, so that busy scripts do not write on every call.
  if (!token.lastUsedAt || app.now().getTime() - token.lastUsedAt.getTime() > 60_000)
    await markTokenUsed(app.database, token.id, app.now());
  return token;
}

/** The live worker named by `Authorization: Bearer slw_…`; unknown or revoked tokens are refused. */
export async function authenticateWorker(app: App, authorization: string | null): Promise<WorkerRecord> {
  const match = authorization ? /^Bearer\s+(slw_\S+)$/i.exec(authorization.trim()) : null;
  const how = "An instance admin creates worker tokens on the Workers page or with `shiplane workers create`";
  if (!match)
    throw new DomainError(
      "AUTH.UNAUTHENTICATED",
      `This needs a worker token: send "Authorization: Bearer slw_…". ${how}.`,
    );
  const worker = await findWorkerByHash(app.database, hashToken(match[1]));
  if (!worker) throw new DomainError("AUTH.UNAUTHENTICATED", `This worker token is not known. ${how}.`);
  if (worker.revokedAt)
    throw new DomainError("AUTH.UNAUTHENTICATED", `This worker token (${worker.prefix}…) was revoked. ${how}.`);
  return worker;
}
