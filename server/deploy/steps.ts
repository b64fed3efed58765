import { createInterface } from "node:readline";
import { sign } from "@octokit/webhooks-methods";
import { execa } from "execa";
import type { StepConfig } from "../../domain/release/environment";
import { config, inheritedEnvironment } from "../config";

/** How one step (deploy, verify, switch, provision) ended. */
export interface StepOutcome {
  ok: boolean;
  /** One sentence for the log and the deployment's error. */
  summary: string;
  /** The webhook was accepted: the external tool reports the result later. */
  external?: boolean;
}

export interface StepContext {
  /** SHIPLANE_* variables for a command, or the JSON body fields for a webhook. */
  env: Record<string, string>;
  body: Record<string, unknown>;
  log: (text: string) => void;
  signal: AbortSignal;
  onProcess?: (pid: number) => void;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Runs a configured command in its own process group, through the shell, from the app's
 * folder. Output lines go to the log as they come; exit 0 is success; a timeout or a cancel
 * stops the whole group (TERM, then KILL after five seconds).
 */
export async function runCommand(command: string, timeoutSeconds: number, context: StepContext): Promise<StepOutcome> {
  const child = execa(command, {
    shell: true,
    detached: true,
    cwd: config().root,
    env: { ...inheritedEnvironment(), ...context.env },
    extendEnv: false,
    stdin: "ignore",
    all: true,
    buffer: false,
    reject: false,
  });
  const pid = child.pid;
  if (pid) context.onProcess?.(pid);
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
  if (stopped === "timeout")
    return { ok: false, summary: `\`${command}\` ran longer than ${timeoutSeconds} s and was stopped.` };
  if (stopped === "cancel") return { ok: false, summary: `\`${command}\` was stopped: the deployment was cancelled.` };
  if (result.failed && result.exitCode === undefined) {
    return { ok: false, summary: `\`${command}\` could not run: ${result.originalMessage || result.shortMessage}.` };
  }
  if (result.exitCode !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`;
    return { ok: false, summary: `\`${command}\` ${how}.` };
  }
  return { ok: true, summary: `\`${command}\` exited with code 0.` };
}

/**
 * POSTs a signed JSON description of the step to an external tool. The signature header is
 * `X-Shiplane-Signature-256: sha256=<HMAC-SHA256 of the body with the shared secret>`, as
 * GitHub signs its webhooks. A 2xx answer means the tool took the job and reports back.
 */
export async function postWebhook(
  url: string,
  secret: string,
  event: string,
  context: StepContext,
): Promise<StepOutcome> {
  const body = JSON.stringify(context.body);
  context.log(`POST ${url} (${event})\n`);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Shiplane",
        "x-shiplane-event": event,
        "x-shiplane-signature-256": await sign(secret, body),
      },
      body,
      signal: AbortSignal.any([context.signal, AbortSignal.timeout(15_000)]),
    });
    const text = (await response.text()).slice(0, 500);
    context.log(`${response.status} ${response.statusText}${text ? `: ${text}` : ""}\n`);
    if (!response.ok)
      return { ok: false, summary: `${url} answered ${response.status}: the deploy tool refused the job.` };
    return { ok: true, external: true, summary: `${url} accepted the job.` };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return {
      ok: false,
      summary: `Could not reach ${url}: ${cause}. Check the URL and that the deploy tool is running.`,
    };
  }
}

/** Runs a configured step: a command to completion, or a webhook that hands the job over. */
export function runStep(step: StepConfig, event: string, context: StepContext): Promise<StepOutcome> {
  return step.type === "command"
    ? runCommand(step.command, step.timeoutSeconds, context)
    : postWebhook(step.url, step.secret, event, context);
}
