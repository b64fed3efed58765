import fs from "node:fs";
import path from "node:path";

export interface ApiRoute {
  /** The route file, under app/api. */
  file: string;
  /** As the OpenAPI document writes it: /api/v1/items/{id}/move. */
  path: string;
  methods: string[];
  /** A catch-all route ([...all]) serves everything below this path. */
  catchAll: boolean;
}

const METHODS = /export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|export \{[^}]*handler as (GET|POST)[^}]*\}/g;

/** The route files under app/api, as paths with the HTTP methods each exports. */
export function apiRoutes(root: string): ApiRoute[] {
  const base = path.join(root, "app", "api");
  return fs
    .readdirSync(base, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts"))
    .map((file) => {
      const source = fs.readFileSync(path.join(base, file), "utf8");
      const methods = [...source.matchAll(METHODS)].flatMap((m) => {
        if (m[1]) return [m[1]];
        return [...m[0].matchAll(/handler as (GET|POST)/g)].map((n) => n[1]);
      });
      const dir = path.dirname(file);
      const catchAll = dir.includes("[...");
      const route = `/api/${catchAll ? dir.slice(0, dir.indexOf("[...")).replace(/\/$/, "") : dir}`;
      return { file, path: route.replace(/\[(\w+)\]/g, "{$1}"), methods, catchAll };
    });
}

/**
 * What an /api/ request meets before any handler: a path no route serves is 404, a method its
 * route does not take is 405 (with Allow) — both as JSON, like every other API answer.
 */
export function apiRouter(routes: ApiRoute[]) {
  const patterns = routes.map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, "[^/]+").replace(/\//g, "\\/")}\\/?$`),
    // The tRPC handler and the sign-in library's catch-all take anything below them.
    prefix: route.catchAll ? route.path : route.file.startsWith("trpc") ? route.path.split("/{")[0] : null,
  }));
  return (pathname: string, method: string): { status: 404 | 405; allow?: string } | null => {
    if (!pathname.startsWith("/api/")) return null;
    const found = patterns.find((p) => p.pattern.test(pathname) || (p.prefix && pathname.startsWith(`${p.prefix}/`)));
    if (!found) return { status: 404 };
    if (found.prefix) return null;
    const allowed = method === "HEAD" ? "GET" : method;
    return found.route.methods.includes(allowed) ? null : { status: 405, allow: found.route.methods.join(", ") };
  };
}
