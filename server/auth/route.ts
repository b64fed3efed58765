import type { App } from "../app";
import { errorResponse } from "../http/respond";
import { authOf } from "./auth";

/**
 * The sign-in library's endpoints under /api/auth: sign-in, sign-out, session and password
 * change. Its admin endpoints stay closed: accounts are managed through Shiplane's Users page and
 * command line, which check roles in one place and write the audit trail.
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
  return authOf(await appSource()).handler(req);
}
