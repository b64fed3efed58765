import fs from "node:fs/promises";
import path from "node:path";
import { stepBaseEnvironment } from "../config";
import { WorkerApiError, type JobTicket, type WorkerApi } from "./protocol";
import { maskSecrets, runCommand } from "./run-command";

const LOG_EVERY_MS = 250;
const HEARTBEAT_MS = 5000;
const CHUNK = 512 * 1024;

export interface AgentOptions {
  api: WorkerApi;
  /** The worker's own folder: steps run there (SHIPLANE_WORK_DIR). */
  workDir: string;
  /** Says what the worker does, for its own log. */
  say?: (text: string) => void;
}

/**
 * Runs one job: the command in the work folder with only the allow-listed variables, its output
 * streamed back (secret values masked), a heartbeat every few seconds that also brings cancels,
 * a verify step's JUnit report, then the result.
 */
export async function runJob(options: AgentOptions, job: JobTicket): Promise<void> {
  const { api, workDir } = options;
  const own = path.join(workDir, ".shiplane");
  await fs.mkdir(own, { recursive: true, mode: 0o700 });
  const junitFile = path.join(own, `junit-${job.id}.xml`);
  const base = stepBaseEnvironment();
  const env: Record<string, string> = {
    ...base,
    HOME: base.HOME && base.HOME !== "/nonexistent" ? base.HOME : workDir,
    ...job.env,
    SHIPLANE_WORK_DIR: workDir,
    ...(job.phase === "verify" ? { SHIPLANE_JUNIT_FILE: junitFile } : {}),
  };
  const abort = new AbortController();
  const cancelled = (answer: { cancel: boolean }) => {
    if (answer.cancel) abort.abort();
  };
  let pending = "";
  let sending: Promise<void> = Promise.resolve();
  const flush = () => {
    const text = pending;
    pending = "";
    if (!text) return sending;
    sending = sending.then(async () => {
      for (let i = 0; i < text.length; i += CHUNK)
        cancelled(await api.log(job.id, text.slice(i, i + CHUNK)).catch(() => ({ cancel: false })));
    });
    return sending;
  };
  const flusher = setInterval(() => void flush(), LOG_EVERY_MS);
  const beat = setInterval(() => void api.heartbeat(job.id).then(cancelled, () => undefined), HEARTBEAT_MS);
  let outcome;
  try {
    cancelled(await api.start(job.id));
    outcome = await runCommand(job.command, job.timeoutSeconds, {
      env,
      cwd: workDir,
      signal: abort.signal,
      log: (line) => {
        pending += maskSecrets(line, job.mask);
      },
    });
  } finally {
    clearInterval(flusher);
    clearInterval(beat);
  }
  await flush();
  if (job.phase === "verify") {
    const xml = await fs.readFile(junitFile, "utf8").catch(() => null);
    await fs.rm(junitFile, { force: true });
    if (xml !== null)
      await api.junit(job.id, xml).catch((error: Error) => options.say?.(`JUnit upload: ${error.message}`));
  }
  await reportResult(options, job.id, { ok: outcome.ok, exitCode: outcome.exitCode, summary: outcome.summary });
}

/** The result must arrive: Shiplane may be restarting, so it is sent again until it is taken or refused. */
async function reportResult(options: AgentOptions, jobId: number, result: Parameters<WorkerApi["result"]>[1]) {
  for (let attempt = 0; ; attempt++) {
    try {
      await options.api.result(jobId, result);
      return;
    } catch (error) {
      if (error instanceof WorkerApiError && error.status < 500) {
        options.say?.(`Job ${jobId}'s result was refused: ${error.message}`);
        return;
      }
      if (attempt >= 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 10_000)));
    }
  }
}

/** Takes and runs jobs until `signal` aborts; waits up to 25 s per ask, and backs off when Shiplane is away. */
export async function runWorker(options: AgentOptions & { signal: AbortSignal }): Promise<void> {
  let delay = 1000;
  let failures = 0;
  // A stop while waiting for a job ends the wait at once; a step that runs is finished first.
  const stopped = new Promise<null>((resolve) => options.signal.addEventListener("abort", () => resolve(null)));
  while (!options.signal.aborted) {
    try {
      const job = await Promise.race([options.api.claim(25), stopped]);
      delay = 1000;
      failures = 0;
      if (!job) continue;
      options.say?.(`Job ${job.id}: ${job.phase} — ${job.command}`);
      await runJob(options, job);
    } catch (error) {
      if (error instanceof WorkerApiError && error.status === 401) throw error;
      // Starting beside the server, the first tries may come before it listens.
      if (++failures > 2)
        options.say?.(`Cannot reach Shiplane: ${(error as Error).message}; trying again in ${delay / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }
}

/** Runs every job there is now, then returns (tests, and `shiplane worker --once`). */
export async function drainJobs(options: AgentOptions): Promise<number> {
  let ran = 0;
  for (let job = await options.api.claim(0); job; job = await options.api.claim(0)) {
    await runJob(options, job);
    ran++;
  }
  return ran;
}
