import { expect, test } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { kill, startApp } from "./second-server";
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
const ADMIN = { email: "crash@e2e.test", password: "crash-admin-password" };
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  SHIPLANE_DATA_DIR: dataDir,
  SHIPLANE_SEED: "none",
  PORT: String(PORT),
  DATABASE_URL: "",
};

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(root, "bin", "shiplane.mjs"), ...args], { env, encoding: "utf8" });
}

test("SIGKILL during a burst of deliveries loses none that were answered 2xx", async () => {
  test.setTimeout(120_000);
  cli("project", "create", "--name", "Crash", "--slug", "crash", "--prefix", "CR", "--webhook-secret", SECRET);
  let server = await startApp(PORT, env, "server.mjs");

  const answered: string[] = [];
  let sent = 0;
  const body = (n: number) =>
    JSON.stringify({ zen: `delivery ${n}`, hook_id: n, repository: { full_name: "acme/crash" } });
  const send = async (n: number) => {
    const id = randomUUID();
    const payload = body(n);
    const signature = `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}`;
    try {
      const response = await fetch(`http://localhost:${PORT}/api/webhooks/github/crash`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "ping",
          "x-github-delivery": id,
          "x-hub-signature-256": signature,
        },
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

  const stored = new Set(
    (
      JSON.parse(cli("webhooks", "list", "--project", "crash", "--limit", "1000", "--json")) as { deliveryId: string }[]
    ).map((d) => d.deliveryId),
  );
  expect(answered.filter((id) => !stored.has(id))).toEqual([]);

  // The next start processes what was stored but not processed.
  server = await startApp(PORT, env, "start.mjs");
  kill(server, "SIGTERM");
  const after = JSON.parse(cli("webhooks", "list", "--project", "crash", "--limit", "1000", "--json")) as {
    deliveryId: string;
    status: string;
  }[];
  expect(after.filter((d) => d.status === "pending")).toEqual([]);
  expect(after.filter((d) => d.status === "processed").length).toBeGreaterThanOrEqual(answered.length);
});

test("a server killed while a worker runs a step loses nothing: the worker finishes it and reports to the server that comes back", async () => {
  test.setTimeout(120_000);
  cli("project", "create", "--name", "Crash deploy", "--slug", "crashdeploy", "--prefix", "CD");
  cli("user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--role", "admin");
  const token = (
    JSON.parse(cli("token", "create", "--project", "crashdeploy", "--scopes", "builds:write,deploy", "--json")) as {
      token: string;
    }
  ).token;
  const workerToken = (JSON.parse(cli("workers", "create", "--name", "deploy-host", "--json")) as { token: string })
    .token;
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  let server = await startApp(PORT, env, "server.mjs");
  // A worker on a "deploy host": its own process, its own folder, only its token.
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-crash-work-"));
  const worker = spawn(
    process.execPath,
    [path.join(root, "bin", "shiplane.mjs"), "worker", "--url", `http://localhost:${PORT}`, "--work-dir", workDir],
    { env: { NODE_ENV: "production", PATH: process.env.PATH, SHIPLANE_WORKER_TOKEN: workerToken }, stdio: "ignore" },
  );
  try {
    const api = (url: string, init: RequestInit = {}) =>
      fetch(`http://localhost:${PORT}${url}`, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
    const signIn = await fetch(`http://localhost:${PORT}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://localhost:${PORT}` },
      body: JSON.stringify(ADMIN),
    });
    const session = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const configure = await fetch(`http://localhost:${PORT}/api/trpc/release.configureEnvironment`, {
      method: "POST",
      headers: { cookie: session, origin: `http://localhost:${PORT}`, "content-type": "application/json" },
      body: JSON.stringify({
        json: {
          project: "crashdeploy",
          environment: "test",
          settings: { deployer: { type: "command", command: "echo started; sleep 8; echo done", timeoutSeconds: 60 } },
        },
      }),
    });
    expect(configure.ok, await configure.text()).toBe(true);
    const build = await api("/api/v1/projects/crashdeploy/builds", {
      method: "POST",
      body: JSON.stringify({
        buildId: "1",
        commitSha: "c".repeat(40),
        branch: "main",
        status: "passed",
        artifacts: [{ name: "web", version: "9.9.9" }],
      }),
    });
    const releaseId = ((await build.json()) as { release: { id: number } }).release.id;
    const deploy = await api(`/api/v1/releases/${releaseId}/deploy`, {
      method: "POST",
      body: JSON.stringify({ environment: "test" }),
    });
    expect(deploy.status).toBe(202);
    const { id } = (await deploy.json()) as { id: number };
    await expect
      .poll(async () => ((await (await api(`/api/v1/deployments/${id}`)).json()) as { log: string }).log, {
        timeout: 20_000,
      })
      .toContain("started");

    kill(server, "SIGKILL");
    server = await startApp(PORT, env, "server.mjs");
    await expect
      .poll(async () => ((await (await api(`/api/v1/deployments/${id}`)).json()) as { status: string }).status, {
        timeout: 30_000,
      })
      .toBe("succeeded");
    const after = (await (await api(`/api/v1/deployments/${id}`)).json()) as { log: string };
    expect(after.log).toContain("started");
    expect(after.log).toContain("done");
  } finally {
    worker.kill("SIGTERM");
    kill(server, "SIGTERM");
  }
});
