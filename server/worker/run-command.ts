import { createInterface } from "node:readline";
import { execa } from "execa";

/** How a command ended: exit 0 is success; the summary is one sentence for the log. */
export interface CommandOutcome {
  ok: boolean;
  exitCode: number | null;
  summary: string;
}

export interface CommandContext {
  /** The whole environment the command sees: nothing is inherited beyond it. */
  env: Record<string, string>;
  cwd: string;
  log: (line: string) => void;
  signal: AbortSignal;
  /** Run as this account (when the worker runs as root). */
  uid?: number;
  gid?: number;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Runs a step's command through the shell in its own process group. Output lines go to the log
 * as they come; a timeout or a cancel stops the whole group (TERM, then KILL after five seconds).
 */
export async function runCommand(
  command: string,
  timeoutSeconds: number,
  context: CommandContext,
): Promise<CommandOutcome> {
  const child = execa(command, {
    shell: true,
    detached: true,
    cwd: context.cwd,
    env: context.env,
    extendEnv: false,
    stdin: "ignore",
    all: true,
    buffer: false,
    reject: false,
    ...(context.uid !== undefined ? { uid: context.uid, gid: context.gid } : {}),
  });
  const pid = child.pid;
  let stopped: "timeout" | "cancel" | null = null;
  const stop = (why: "timeout" | "cancel") => {
    if (!pid || stopped) return;
    stopped = why;
    killGroup(pid, "SIGTERM");
    setTimeout(() => killGroup(pid, "SIGKILL"), 5000).unref();
  };
  const timer = setTimeout(() => stop("timeout"), timeoutSeconds * 1000);
  const onAbort = () => stop("cancel");
  context.signal.addEventListener("abort", onAbort);
  if (context.signal.aborted) onAbort();
  const lines = child.all ? createInterface({ input: child.all, crlfDelay: Infinity }) : null;
  const reading = lines
    ? (async () => {
        for await (const line of lines) context.log(`${line}\n`);
      })()
    : Promise.resolve();
  const result = await child;
  await reading.catch(() => undefined);
  clearTimeout(timer);
  context.signal.removeEventListener("abort", onAbort);
  const exitCode = result.exitCode ?? null;
  if (stopped === "timeout")
    return { ok: false, exitCode, summary: `\`${command}\` ran longer than ${timeoutSeconds} s and was stopped.` };
  if (stopped === "cancel")
    return { ok: false, exitCode, summary: `\`${command}\` was stopped: the deployment was cancelled.` };
  if (result.failed && result.exitCode === undefined) {
    return {
      ok: false,
      exitCode,
      summary: `\`${command}\` could not run: ${result.originalMessage || result.shortMessage}.`,
    };
  }
  if (result.exitCode !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`;
    return { ok: false, exitCode, summary: `\`${command}\` ${how}.` };
  }
  return { ok: true, exitCode: 0, summary: `\`${command}\` exited with code 0.` };
}

/** Hides each secret value in a piece of output. */
export function maskSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("••••••");
  return out;
}
