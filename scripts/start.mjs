#!/usr/bin/env node
// `npm start`: build the web app when its sources are newer than the build, migrate (and on
// first start seed) the database, then serve on PORT (default 3000) with scripts/server.mjs.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runTs } from "../bin/run-ts.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const next = path.join(root, "node_modules", ".bin", "next");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

// A wrong setting stops the start at once, naming the variable (before the build).
try {
  const { config } = await runTs("server/config.ts");
  config();
} catch (error) {
  console.error(`Shiplane cannot start: ${error.message}`);
  process.exit(1);
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "server", "domain", "db", "package.json", "next.config.js"].map((p) =>
  path.join(root, p),
);
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const newest = Math.max(
  ...sources.map((p) => (fs.statSync(p).isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs)),
);
if (newest > built) {
  console.log("Building the web app (once; about 30 s)…");
  const result = spawnSync(next, ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let prepared;
try {
  const { prepare } = await runTs("server/cli/prepare.ts");
  prepared = await prepare();
} catch (error) {
  console.error(`Shiplane cannot start: ${error.message}`);
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
// Deploy steps run on the built-in worker, a process of its own beside the server (never in it).
let worker = null;
if (prepared.workerToken) {
  const { startBuiltInWorker } = await runTs("server/worker/built-in.ts");
  worker = startBuiltInWorker(prepared.workerToken);
}
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    worker?.stop();
    server.kill(signal);
  });
server.on("exit", (code, signal) => {
  worker?.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
