import { getApp } from "@/server/app";
import { authOf } from "@/server/auth/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Sign-in, sign-out, sessions and password changes (better-auth). */
async function handler(req: Request) {
  return authOf(await getApp()).handler(req);
}

export { handler as GET, handler as POST };
