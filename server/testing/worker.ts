import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import type { App } from "../app";
import {
  claimHandler,
  heartbeatHandler,
  junitHandler,
  logHandler,
  resultHandler,
  startHandler,
} from "../http/rest-workers";
import { createWorker, type WorkerInput } from "../services/workers";
import { drainJobs } from "../worker/agent";
import { WorkerApiError, type JobTicket, type WorkerApi } from "../worker/protocol";
import { activeJobs } from "../../db/repositories/workers";

/**
 * The worker API over the real route handlers (token checks and all), without a socket: what
 * tests give the worker agent, so that steps run through the same path as on a deploy host.
 */
export function directWorkerApi(app: App, token: string): WorkerApi {
  const call = async (
    handler: (req: Request) => Promise<Response>,
    url: string,
    body: string,
    type = "application/json",
  ) => {
    const response = await handler(
      new Request(`http://localhost${url}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": type },
        body,
      }),
    );
    if (response.status === 204) return null;
    const json = (await response.json()) as { error?: { message: string } };
    if (!response.ok) throw new WorkerApiError(response.status, json.error?.message ?? String(response.status));
    return json;
  };
  const source = async () => app;
  const job = (route: typeof startHandler) => (id: number) => (req: Request) => route(String(id), req, source);
  return {
    async claim(wait) {
      const answer = (await call((req) => claimHandler(req, source), `/api/v1/worker/claim?wait=${wait}`, "{}")) as {
        job: JobTicket;
      } | null;
      return answer?.job ?? null;
    },
    start: async (id) => (await call(job(startHandler)(id), `/start`, "{}")) as { cancel: boolean },
    heartbeat: async (id) => (await call(job(heartbeatHandler)(id), `/heartbeat`, "{}")) as { cancel: boolean },
    log: async (id, text) => (await call(job(logHandler)(id), `/log`, text, "text/plain")) as { cancel: boolean },
    async junit(id, xml) {
      await call(job(junitHandler)(id), `/junit`, xml, "application/xml");
    },
    async result(id, result) {
      await call(job(resultHandler)(id), `/result`, JSON.stringify(result));
    },
  };
}

/** A worker of the app's own, with a token and a work folder of its own. */
export async function testWorker(app: App, input: Partial<WorkerInput> = {}) {
  const { token, worker } = await createWorker(app, LOCAL_OPERATOR, {
    name: input.name ?? "test-worker",
    tags: input.tags ?? ["*"],
    projects: input.projects ?? [],
  });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-work-"));
  const api = directWorkerApi(app, token);
  return { token, worker, api, workDir, drain: () => drainJobs({ api, workDir }) };
}

const defaults = new WeakMap<App, Promise<Awaited<ReturnType<typeof testWorker>>>>();

/** Runs everything there is to run: the runner's own work and every job, on the app's default worker. */
export async function settle(app: App): Promise<void> {
  if (!defaults.has(app)) defaults.set(app, testWorker(app, { name: "default" }));
  const worker = await defaults.get(app)!;
  for (;;) {
    await app.runner.idle();
    const ran = await worker.drain();
    await app.runner.idle();
    if (ran === 0 && (await activeJobs(app.database)).every((j) => j.status !== "queued")) return;
  }
}
