import { trustedOrigins } from "./auth";

/**
 * Whether a request was sent by one of Shiplane's own pages: the browser's Origin (or, without
 * it, Sec-Fetch-Site) must name Shiplane itself. Cookie-authenticated changes from anywhere else
 * are refused, so another site cannot make a signed-in browser act.
 */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin) {
    if (trustedOrigins().includes(origin)) return true;
    const host = req.headers.get("host");
    return host !== null && (origin === `http://${host}` || origin === `https://${host}`);
  }
  const site = req.headers.get("sec-fetch-site");
  return site === "same-origin" || site === "none";
}

/**
 * Whether a browser says this request came from another site. Browsers name the sender of every
 * POST (Origin, or Sec-Fetch-Site); a request with neither is a script's, which holds no victim's
 * cookies. Used by the account routes, which run before there is a session to check.
 */
export function fromAnotherSite(req: Request): boolean {
  if (req.headers.get("origin")) return !sameOrigin(req);
  const site = req.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
