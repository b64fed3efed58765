import { z } from "zod";
import type { App } from "../app";
import { MAX_ID } from "../contracts/common";
import { authenticateWorker } from "../auth/tokens";
import { jobHeartbeat, jobJunit, jobLog, jobResult, MAX_LOG_CHUNK, takeJob } from "../deploy/job-reports";
import { parse, readObject, readText, respond } from "./respond";

/** The worker API: what `shiplane worker` calls, with its worker token (slw_…). */

type AppSource = () => Promise<App>;
const idParam = z.coerce.number().int().positive().max(MAX_ID, "no row has an id this large");
const JUNIT_LIMIT = 50 * 1024 * 1024;
/** The longest a claim waits for a job before answering 204. */
const MAX_WAIT_S = 25;
const waitQuery = z.object({
  wait: z.coerce
    .number()
    .int("whole seconds")
    .min(0, "at least 0 seconds")
    .max(MAX_WAIT_S, `at most ${MAX_WAIT_S} seconds`),
});

export const jobResultBody = z.object({
  ok: z.boolean(),
  exitCode: z.number().int().min(-1).max(1_000_000).nullable(),
  summary: z.string().max(2000),
});

const about = (req: Request) => ({
  version: req.headers.get("x-shiplane-worker-version")?.slice(0, 40) || undefined,
  hostname: req.headers.get("x-shiplane-worker-host")?.slice(0, 200) || undefined,
});

/** POST /api/v1/worker/claim?wait=25 — a job for this worker (200), or none before `wait` seconds (204). */
export function claimHandler(req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const worker = await authenticateWorker(app, req.headers.get("authorization"));
    const { wait } = parse(waitQuery, { wait: new URL(req.url).searchParams.get("wait") ?? 0 });
    const until = Date.now() + wait * 1000;
    for (;;) {
      const job = await takeJob(app, worker, about(req));
      if (job) return Response.json({ job });
      if (Date.now() >= until || req.signal.aborted) return new Response(null, { status: 204 });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
}

/** The job routes: each checks the worker's token, then that it holds the job (409 otherwise). */
function jobRoute(
  work: (app: App, worker: Awaited<ReturnType<typeof authenticateWorker>>, id: number) => Promise<Response>,
) {
  return (rawId: string, req: Request, appSource: AppSource) =>
    respond(async () => {
      const app = await appSource();
      const worker = await authenticateWorker(app, req.headers.get("authorization"));
      return work(app, worker, parse(idParam, rawId));
    });
}

export const startHandler = (rawId: string, req: Request, appSource: AppSource) =>
  jobRoute(async (app, worker, id) => Response.json(await jobHeartbeat(app, worker, id, true)))(rawId, req, appSource);

export const heartbeatHandler = (rawId: string, req: Request, appSource: AppSource) =>
  jobRoute(async (app, worker, id) => Response.json(await jobHeartbeat(app, worker, id)))(rawId, req, appSource);

/** Output as text; a report over 1 MB is cut there, with a note in the log. */
export const logHandler = (rawId: string, req: Request, appSource: AppSource) =>
  jobRoute(async (app, worker, id) => {
    const { text, cut } = await readText(req, MAX_LOG_CHUNK, { cut: true });
    return Response.json(await jobLog(app, worker, id, text, cut));
  })(rawId, req, appSource);

export const junitHandler = (rawId: string, req: Request, appSource: AppSource) =>
  jobRoute(async (app, worker, id) => {
    const { text } = await readText(req, JUNIT_LIMIT);
    await jobJunit(app, worker, id, text);
    return Response.json({ accepted: true });
  })(rawId, req, appSource);

export const resultHandler = (rawId: string, req: Request, appSource: AppSource) =>
  jobRoute(async (app, worker, id) => {
    const body = parse(jobResultBody, await readObject(req));
    await jobResult(app, worker, id, body);
    return Response.json({ accepted: true });
  })(rawId, req, appSource);
