import type { App } from "../app";
import { ACCOUNT_LIMIT, errorResponse, PayloadTooLarge, readText } from "../http/respond";
import { authOf } from "./auth";
import { fromAnotherSite } from "./csrf";

/**
 * The sign-in library's endpoints under /api/auth: sign-in, sign-out, session and password
 * change. Its admin endpoints stay closed: accounts are managed through Shiplane's Users page and
 * command line, which check roles in one place and write the audit trail. Bodies are capped at
 * 64 KB while they are read, changes from another site are refused, and the session token —
 * which lives in an httpOnly cookie — never reaches the page in an answer.
 */
export async function authRequestHandler(req: Request, appSource: () => Promise<App>): Promise<Response> {
  const path = new URL(req.url).pathname;
  if (path.startsWith("/api/auth/admin/")) {
    return errorResponse(
      404,
      "NOT_FOUND",
      "Manage accounts on the Users page or with `shiplane user`, not through this endpoint.",
    );
  }
  const auth = authOf(await appSource());
  if (req.method === "GET" || req.method === "HEAD") return withoutTokens(path, await auth.handler(req));
  if (fromAnotherSite(req))
    return errorResponse(403, "AUTH.FORBIDDEN", "This request came from another site, so it was refused.");
  let body: string;
  try {
    body = (await readText(req, ACCOUNT_LIMIT)).text;
  } catch (error) {
    if (error instanceof PayloadTooLarge) return errorResponse(413, "REQUEST.TOO_LARGE", error.message);
    throw error;
  }
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  return withoutTokens(path, await auth.handler(new Request(req.url, { method: req.method, headers, body })));
}

const SESSION_ANSWERS = new Set(["/api/auth/get-session", "/api/auth/list-sessions"]);

/** The session answers without the raw session token (a script on the page must never hold it). */
async function withoutTokens(path: string, response: Response): Promise<Response> {
  if (!SESSION_ANSWERS.has(path) || !response.ok) return response;
  const body = (await response.json()) as unknown;
  const strip = (value: unknown) => {
    if (value && typeof value === "object") delete (value as { token?: unknown }).token;
  };
  if (Array.isArray(body)) body.forEach(strip);
  else if (body && typeof body === "object") strip((body as { session?: unknown }).session);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
