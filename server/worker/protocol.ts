import type * as T from "../../db/schema/shared-types";

/** A job as the worker receives it: what to run, with what variables, and which values to mask. */
export interface JobTicket {
  id: number;
  phase: T.JobPhase;
  command: string;
  timeoutSeconds: number;
  env: Record<string, string>;
  mask: string[];
}

export interface JobResult {
  ok: boolean;
  exitCode: number | null;
  summary: string;
}

/** What a worker says to Shiplane, over HTTP with its worker token (server/http/rest-workers.ts). */
export interface WorkerApi {
  /** A job for this worker, waiting up to `waitSeconds` for one; null when there is none. */
  claim(waitSeconds: number): Promise<JobTicket | null>;
  /** The step's process started. */
  start(jobId: number): Promise<{ cancel: boolean }>;
  /** Output as it comes; the answer says whether the job was cancelled meanwhile. */
  log(jobId: number, text: string): Promise<{ cancel: boolean }>;
  heartbeat(jobId: number): Promise<{ cancel: boolean }>;
  /** A verify step's JUnit report, before its result. */
  junit(jobId: number, xml: string): Promise<void>;
  result(jobId: number, result: JobResult): Promise<void>;
}

export class WorkerApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "WorkerApiError";
  }
}

/** The worker API over HTTP: `url` is Shiplane's address, `token` the worker's (slw_…). */
export function httpWorkerApi(url: string, token: string, about: { version: string; hostname: string }): WorkerApi {
  const base = url.replace(/\/+$/, "");
  const call = async (path: string, init: { method?: string; body?: string; type?: string; timeoutMs?: number }) => {
    const response = await fetch(`${base}/api/v1/worker${path}`, {
      method: init.method ?? "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": init.type ?? "application/json",
        "x-shiplane-worker-version": about.version,
        "x-shiplane-worker-host": about.hostname,
      },
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    if (response.status === 204) return null;
    const text = await response.text();
    if (!response.ok) {
      let message = text;
      try {
        message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
      } catch {
        // Not JSON: keep the text.
      }
      throw new WorkerApiError(response.status, `${response.status} from Shiplane: ${message}`);
    }
    return text ? (JSON.parse(text) as unknown) : null;
  };
  return {
    async claim(waitSeconds) {
      const answer = (await call(`/claim?wait=${waitSeconds}`, {
        body: "{}",
        timeoutMs: (waitSeconds + 15) * 1000,
      })) as {
        job: JobTicket;
      } | null;
      return answer?.job ?? null;
    },
    start: async (id) => (await call(`/jobs/${id}/start`, { body: "{}" })) as { cancel: boolean },
    log: async (id, text) => (await call(`/jobs/${id}/log`, { body: text, type: "text/plain" })) as { cancel: boolean },
    heartbeat: async (id) => (await call(`/jobs/${id}/heartbeat`, { body: "{}" })) as { cancel: boolean },
    async junit(id, xml) {
      await call(`/jobs/${id}/junit`, { body: xml, type: "application/xml", timeoutMs: 120_000 });
    },
    async result(id, result) {
      await call(`/jobs/${id}/result`, { body: JSON.stringify(result) });
    },
  };
}
