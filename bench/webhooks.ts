import { fork } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase } from "../db/client";
import { createApp } from "../server/compose";
import { LOCAL_OPERATOR } from "../domain/access/actor";
import { examplesOf, openedPullRequest } from "../server/integrations/github/fixtures";
import { createProject } from "../server/services/create-project";
import { sqliteTarget, startServer } from "./lib";

const CONNECTIONS = 50;
const SECRET = "bench-secret";

/** Signed pull_request deliveries from CONNECTIONS keep-alive connections for `seconds`; returns the ids answered 2xx. */
async function blast(url: string, seconds: number): Promise<{ answered: string[]; sent: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const payloads = [openedPullRequest(1, "SL-1 bench", "f".repeat(40)), ...examplesOf("pull_request").slice(0, 5)].map(
    (p) => {
      const body = JSON.stringify(p);
      return { body, signature: `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}` };
    },
  );
  const answered: string[] = [];
  let sent = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const { body, signature } = payloads[sent++ % payloads.length];
        const id = randomUUID();
        const ok = await new Promise<boolean>((resolve) => {
          const request = http.request(
            url,
            {
              method: "POST",
              agent,
              headers: {
                "content-type": "application/json",
                "content-length": Buffer.byteLength(body),
                "x-github-event": "pull_request",
                "x-github-delivery": id,
                "x-hub-signature-256": signature,
              },
            },
            (response) => {
              response.resume();
              response.on("end", () => resolve((response.statusCode ?? 500) < 300));
            },
          );
          request.on("error", () => resolve(false));
          request.end(body);
        });
        if (ok) answered.push(id);
      }
    }),
  );
  agent.destroy();
  return { answered, sent };
}

/** Webhook ingest: Shiplane (SQLite) against a bare node:http server doing the HMAC check and insert, same run. */
export async function benchWebhooks(root: string, seconds: number) {
  console.log(`\n## webhook ingest: signed pull_request deliveries, ${CONNECTIONS} connections, ${seconds} s`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-bare-"));
  const bare = fork(
    path.join(root, "bin", "run-ts.mjs"),
    [path.join(root, "bench", "bare-webhook-server.ts"), path.join(dir, "bare.db"), "3390", SECRET],
    { stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  await new Promise((resolve, reject) => {
    bare.once("message", resolve);
    bare.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  const bareRun = await blast("http://127.0.0.1:3390/", seconds);
  bare.kill();
  const bareDb = new BetterSqlite3(path.join(dir, "bare.db"), { readonly: true });
  const bareStored = (bareDb.prepare("select count(*) as n from deliveries").get() as { n: number }).n;
  bareDb.close();
  const bareRate = bareRun.answered.length / seconds;
  console.log(
    `bare node:http + HMAC + SQLite insert: ${bareRate.toFixed(0)} deliveries/s, ${bareRun.answered.length} answered 2xx, ${bareStored} stored`,
  );

  const target = sqliteTarget();
  const database = openDatabase(target.options);
  await database.migrate();
  const app = createApp(database);
  await createProject(app, LOCAL_OPERATOR, { name: "Webhooks", slug: "hooks", keyPrefix: "SL", webhookSecret: SECRET });
  await app.notifier.close();
  await database.close();
  const server = await startServer(root, target, 3391);
  let run;
  try {
    run = await blast(`${server.url}/api/webhooks/github/hooks`, seconds);
    // Let processing after the answers finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  } finally {
    await server.stop();
  }
  const check = new BetterSqlite3(path.join(target.options.dataDir!, "shiplane.db"), { readonly: true });
  const stored = new Set(
    check
      .prepare("select delivery_id as id from webhook_deliveries")
      .all()
      .map((row) => (row as { id: string }).id),
  );
  check.close();
  const lost = run.answered.filter((id) => !stored.has(id)).length;
  const rate = run.answered.length / seconds;
  console.log(
    `Shiplane (npm start, SQLite):           ${rate.toFixed(0)} deliveries/s, ${run.answered.length} answered 2xx, ${stored.size} stored, lost ${lost}`,
  );
  console.log(`ratio to the bare server: ${(rate / bareRate).toFixed(2)}   targets: ≥ 1,000/s, ≥ 0.5 of bare, 0 lost`);
  await target.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
}
