import { NextResponse, type NextRequest } from "next/server";
import { config as settings } from "./server/config";
import { newNonce, pageCsp } from "./server/http/csp";

/**
 * Every page gets a content security policy with a nonce of its own: Next.js reads it from the
 * request's policy header and puts it on its scripts, so no inline script runs without it.
 */
export function proxy(request: NextRequest) {
  const policy = pageCsp(newNonce(), settings().development);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // The page asked for, with its query, so that a sign-in sends the person back to it (server/auth/page.ts).
  headers.set("x-shiplane-page", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, not static files.
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
