import type { Browser, Page } from "playwright-core";
import { spawn, type ChildProcess } from "node:child_process";
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function timeIt<T>(runs: number, work: () => Promise<T>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

export interface BenchTarget {
  dialect: "sqlite" | "postgres";
  env: Record<string, string>;
  options: { url?: string; dataDir?: string };
  cleanup: () => Promise<void>;
}

export function sqliteTarget(): BenchTarget {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-bench-"));
  return {
    dialect: "sqlite",
    env: { SHIPLANE_DATA_DIR: dataDir },
    options: { dataDir },
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A fresh PostgreSQL database, or null when no server answers. */
export async function postgresTarget(): Promise<BenchTarget | null> {
  const base =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `shiplane_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    dialect: "postgres",
    env: { DATABASE_URL: url.toString() },
    options: { url: url.toString() },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The instance admin the bench's servers make at start; the bench signs in as it. */
const BENCH_ADMIN = { email: "bench@shiplane.test", password: "bench-admin-password" };

export interface Server {
  url: string;
  /** The admin's session cookie (name=value; …). */
  cookie: string;
  process: ChildProcess;
  rssMb: () => number;
  stop: () => Promise<void>;
}

/** Starts the production build (`npm start`'s script) against the target's database. */
export async function startServer(root: string, target: BenchTarget, port: number): Promise<Server> {
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      ...target.env,
      PORT: String(port),
      SHIPLANE_SEED: "none",
      SHIPLANE_ADMIN_EMAIL: BENCH_ADMIN.email,
      SHIPLANE_ADMIN_PASSWORD: BENCH_ADMIN.password,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const signedIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (!signedIn.ok)
    throw new Error(`Could not sign in to the bench server: ${signedIn.status} ${await signedIn.text()}`);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return {
    url,
    cookie,
    process: child,
    rssMb: () => {
      try {
        const pids = execSync(`ps -o pid= --ppid ${child.pid}; echo ${child.pid}`).toString().trim().split(/\s+/);
        const all = new Set(pids);
        for (const pid of pids)
          execSync(`ps -o pid= --ppid ${pid} || true`)
            .toString()
            .trim()
            .split(/\s+/)
            .filter(Boolean)
            .forEach((p) => all.add(p));
        let kb = 0;
        for (const pid of all) {
          const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
          kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        }
        return kb / 1024;
      } catch {
        return NaN;
      }
    },
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}

/** A browser page signed in as the bench's admin. */
export async function signedInPage(
  browser: Browser,
  server: Server,
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addCookies(
    server.cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name, value: value.join("="), url: server.url };
    }),
  );
  return context.newPage();
}

/** A project token with the given scopes, made through the API as the signed-in admin. */
export async function projectToken(server: Server, project: string, scopes: string[]): Promise<string> {
  const response = await fetch(`${server.url}/api/trpc/settings.createToken`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: server.cookie, origin: server.url },
    body: JSON.stringify({ json: { project, name: "bench", scopes } }),
  });
  if (!response.ok) throw new Error(`Could not create a bench token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { result: { data: { json: { token: string } } } }).result.data.json.token;
}
