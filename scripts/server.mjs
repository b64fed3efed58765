#!/usr/bin/env node
// The production server: node:http with Shiplane's fast routes in front of Next.js.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { runTs } from "../bin/run-ts.mjs";
import { SECURITY_HEADERS } from "../next.config.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { config } = await runTs("server/config.ts");
// Files the server makes (the database's journal, a generated key) are its own alone.
process.umask(0o077);
const { port, host, trustProxy, root: packageRoot } = config();
const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
const { serveFast } = await runTs("server/http/fast-routes.ts");
const { getApp } = await runTs("server/compose.ts");
const { apiRouter, apiRoutes } = await runTs("server/http/api-routes.ts");
const { decodeSegment } = await runTs("server/http/fast-routes.ts");
const { clientAddress } = await runTs("server/http/client-address.ts");
const { NON_PAGE_CSP } = await runTs("server/http/csp.ts");
const apiRoute = apiRouter(apiRoutes(packageRoot));
await app.prepare();
// Deployments, schedules and automatic promotion run in this process, beside the web server.
const { startBackground } = await runTs("server/background.ts");
await startBackground();
const server = http.createServer((req, res) => {
  // The same headers as next.config.js gives the pages, on the fast routes' answers too.
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  // Pages replace it with their own, with a nonce (proxy.ts).
  res.setHeader("Content-Security-Policy", NON_PAGE_CSP);
  // The caller's address, for the sign-in limit and the audit: set here, never taken from the client.
  // Behind SHIPLANE_TRUST_PROXY=N proxies it is the N-th X-Forwarded-For entry from the right.
  req.headers["x-shiplane-client-ip"] = clientAddress(
    req.headers["x-forwarded-for"],
    req.socket.remoteAddress,
    trustProxy,
  );
  const pathname = (req.url ?? "/").split("?")[0];
  const api = pathname.startsWith("/api/");
  const answer = (status, code, message, headers = {}) => {
    const body = api ? JSON.stringify({ error: { code, message } }) : `${message}\n`;
    res.writeHead(status, { "content-type": api ? "application/json" : "text/plain; charset=utf-8", ...headers });
    res.end(body);
  };
  // A malformed percent-encoding is the client's mistake (400), never the framework's error.
  if (pathname.split("/").some((segment) => decodeSegment(segment) === null))
    return answer(400, "REQUEST.MALFORMED", "The address has a malformed percent-encoding (e.g. %ZZ).");
  const missing = apiRoute(pathname, req.method ?? "GET");
  if (missing?.status === 404)
    return answer(404, "NOT_FOUND", `There is no API route ${pathname}. See /api/v1/openapi.json.`);
  if (missing?.status === 405)
    return answer(405, "METHOD_NOT_ALLOWED", `${pathname} takes ${missing.allow}, not ${req.method}.`, {
      allow: missing.allow,
    });
  if (!serveFast(req, res, getApp)) void handle(req, res);
});
// HOST chooses the interface (e.g. 127.0.0.1 behind a proxy on the same machine); by default, every one.
const listening = () => console.log(`Shiplane is listening on http://${host ?? "localhost"}:${port}`);
if (host) server.listen(port, host, listening);
else server.listen(port, listening);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Finish the requests in flight, drop idle keep-alive connections, and stop within five seconds.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
