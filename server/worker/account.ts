import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { config, stepBaseEnvironment } from "../config";

/** The account steps run as: when Shiplane runs as root, the unprivileged SHIPLANE_WORKER_USER (default nobody). */
export function workerAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const user = config().workerUser;
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, user], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error(
      `Shiplane runs as root, so its built-in worker runs steps as ${user} (SHIPLANE_WORKER_USER), but there is no such account. Create it, or set SHIPLANE_WORKER_USER to an unprivileged one.`,
    );
  }
}

/** The workers' folder, made and owned by the account that runs steps, private to it. */
export function prepareWorkDir(account: { uid: number; gid: number } | null): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ config().workDir);
  if (account) {
    // Every folder above it must let the worker's account through.
    for (let up = path.dirname(dir); ; up = path.dirname(up)) {
      const stat = fs.existsSync(up) ? fs.statSync(up) : null;
      if (stat && !(stat.mode & 0o001) && stat.uid !== account.uid)
        throw new Error(
          `The workers' folder ${dir} is inside ${up}, which ${config().workerUser} (who runs steps) cannot enter. Set SHIPLANE_WORK_DIR to a folder outside it.`,
        );
      if (up === path.dirname(up)) break;
    }
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  if (account) fs.chownSync(dir, account.uid, account.gid);
  return dir;
}

/** What a step's process gets from the one that starts it (allow-listed), in the work folder. */
export function stepProcess(account: { uid: number; gid: number } | null, workDir: string) {
  const base = stepBaseEnvironment();
  return {
    env: { ...base, HOME: account ? workDir : (base.HOME ?? workDir), SHIPLANE_WORK_DIR: workDir },
    cwd: workDir,
    ...(account ?? {}),
  };
}
