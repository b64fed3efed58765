import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { config, stepBaseEnvironment } from "../config";
import { prepareWorkDir, workerAccount } from "./account";

/**
 * The embedded default's worker: `npm start` runs it beside the web server as a child process
 * of its own (every tag, every project), never inside the server. When Shiplane runs as root it
 * runs as SHIPLANE_WORKER_USER (default nobody). It sees only the allow-listed variables and its
 * token, and is started again if it stops.
 */
export function startBuiltInWorker(token: string): { stop: () => void } {
  const settings = config();
  const account = workerAccount();
  const workDir = prepareWorkDir(account);
  const base = stepBaseEnvironment();
  const env: Record<string, string> = {
    ...base,
    HOME: workDir,
    SHIPLANE_WORKER_TOKEN: token,
    SHIPLANE_WORK_DIR: workDir,
    SHIPLANE_ROOT: settings.root,
  };
  let child: ChildProcess | null = null;
  let stopped = false;
  let delay = 1000;
  const launch = () => {
    const started = Date.now();
    const process_ = spawn(
      process.execPath,
      [
        path.join(settings.root, "bin", "shiplane.mjs"),
        "worker",
        "--url",
        `http://${settings.host && !["0.0.0.0", "::"].includes(settings.host) ? (settings.host.includes(":") ? `[${settings.host}]` : settings.host) : "localhost"}:${settings.port}`,
      ],
      // The IPC channel tells the worker when Shiplane is gone: it finishes its step, then stops.
      {
        cwd: workDir,
        env: env as NodeJS.ProcessEnv,
        stdio: ["ignore", "inherit", "inherit", "ipc"],
        ...(account ?? {}),
      },
    );
    child = process_;
    process_.on("exit", (code, signal) => {
      child = null;
      if (stopped) return;
      delay = Date.now() - started > 60_000 ? 1000 : Math.min(delay * 2, 30_000);
      console.error(
        `The built-in worker stopped (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s.`,
      );
      setTimeout(launch, delay).unref();
    });
  };
  launch();
  return {
    stop: () => {
      stopped = true;
      child?.kill("SIGTERM");
    },
  };
}
