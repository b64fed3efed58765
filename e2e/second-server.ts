import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** Another app process beside the suite's own, on its own port and data folder (crash and first-run journeys). */

const root = path.resolve(import.meta.dirname, "..");

export async function startApp(
  port: number,
  env: NodeJS.ProcessEnv,
  script: "server.mjs" | "start.mjs",
): Promise<ChildProcess> {
  const health = `http://localhost:${port}/api/health`;
  // A server stopped just before may still be answering while it shuts down.
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(health);
      await new Promise((r) => setTimeout(r, 100));
    } catch {
      break;
    }
  }
  const child = spawn(process.execPath, [path.join(root, "scripts", script)], {
    cwd: root,
    env,
    detached: true,
    stdio: "ignore",
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(health)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error("the app did not start");
}

/** Signals the app's whole process group. */
export function kill(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // gone already
  }
}
