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
const { port, trustProxy } = config();
const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
const { serveFast } = await runTs("server/http/fast-routes.ts");
const { getApp } = await runTs("server/compose.ts");
await app.prepare();
// Deployments, schedules and automatic promotion run in this process, beside the web server.
const { startBackground } = await runTs("server/background.ts");
await startBackground();
// Behind a reverse proxy that sets X-Forwarded-For, SHIPLANE_TRUST_PROXY=1 takes the client's address from it.
const server = http.createServer((req, res) => {
  // The same headers as next.config.js gives the pages, on the fast routes' answers too.
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  // The caller's address, for the sign-in limit and the audit: set here, never taken from the client.
  const forwarded = trustProxy
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")[0]
        .trim()
    : "";
  req.headers["x-shiplane-client-ip"] = forwarded || req.socket.remoteAddress || "unknown";
  if (!serveFast(req, res, getApp)) void handle(req, res);
});
server.listen(port, () => console.log(`Shiplane is listening on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Finish the requests in flight, drop idle keep-alive connections, and stop within five seconds.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
