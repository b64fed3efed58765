import { expect, test } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// A second app process on its own database, killed with SIGKILL in the middle of a burst of
// GitHub deliveries: every delivery it answered 2xx must be stored, and processed after restart.
const PORT = 3190;
const SECRET = "crash-test-secret";
const root = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-crash-"));
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", SHIPLANE_DATA_DIR: dataDir, SHIPLANE_SEED: "none", PORT: String(PORT), DATABASE_URL: "" };

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(root, "bin", "shiplane.mjs"), ...args], { env, encoding: "utf8" });
}

async function startServer(script: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, script, { cwd: root, env, detached: true, stdio: "ignore" });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error("the app did not start");
}

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // gone already
  }
}

test("SIGKILL during a burst of deliveries loses none that were answered 2xx", async () => {
  test.setTimeout(120_000);
  cli("project", "create", "--name", "Crash", "--slug", "crash", "--prefix", "CR", "--webhook-secret", SECRET);
  let server = await startServer([path.join(root, "scripts", "server.mjs")]);

  const answered: string[] = [];
  let sent = 0;
  const body = (n: number) => JSON.stringify({ zen: `delivery ${n}`, hook_id: n, repository: { full_name: "acme/crash" } });
  const send = async (n: number) => {
    const id = randomUUID();
    const payload = body(n);
    const signature = `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}`;
    try {
      const response = await fetch(`http://localhost:${PORT}/api/webhooks/github/crash`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": id, "x-hub-signature-256": signature },
        body: payload,
      });
      if (response.ok) answered.push(id);
    } catch {
      // the server died under this request: not answered, so GitHub would redeliver it
    }
  };
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (sent < 400) {
        const n = sent++;
        if (n === 150) kill(server, "SIGKILL");
        await send(n);
      }
    }),
  );
  expect(answered.length).toBeGreaterThan(100);
  expect(answered.length).toBeLessThan(400);

  const stored = new Set((JSON.parse(cli("webhooks", "list", "--project", "crash", "--limit", "1000", "--json")) as { deliveryId: string }[]).map((d) => d.deliveryId));
  expect(answered.filter((id) => !stored.has(id))).toEqual([]);

  // The next start processes what was stored but not processed.
  server = await startServer([path.join(root, "scripts", "start.mjs")]);
  kill(server, "SIGTERM");
  const after = JSON.parse(cli("webhooks", "list", "--project", "crash", "--limit", "1000", "--json")) as { deliveryId: string; status: string }[];
  expect(after.filter((d) => d.status === "pending")).toEqual([]);
  expect(after.filter((d) => d.status === "processed").length).toBeGreaterThanOrEqual(answered.length);
});
