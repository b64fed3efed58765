import { DomainError } from "../../domain/errors";
import { SYSTEM } from "../../domain/access/actor";
import { appendLog, findDeployment } from "../../db/repositories/deployments";
import { appendProvisionLog, findEnvironment } from "../../db/repositories/environments";
import { regressionTotals } from "../../db/repositories/test-runs";
import {
  findJob,
  findWorker,
  silentJobs,
  touchWorker,
  transitionJob,
  type JobRecord,
  type WorkerRecord,
} from "../../db/repositories/workers";
import type { App } from "../app";
import { parseJUnit } from "../integrations/junit/parse";
import { recordTestRun } from "../services/record-test-run";
import { maskSecrets } from "../worker/run-command";
import type { JobResult, JobTicket } from "../worker/protocol";
import { loadDeploymentContext } from "./context";
import { claimFor, maskOf, WORKER_SILENCE_MS } from "./jobs";
import { createLogSink } from "./log-sink";
import { completeDeploy, completeSwitch, completeVerify, finish } from "./pipeline";
import { finishProvision } from "./provision";

/** How much of a job's output one report may carry; the rest of that report is cut, saying so. */
export const MAX_LOG_CHUNK = 1024 * 1024;

/** A worker asks for a job: it is seen, and gets the oldest it may take (or none). */
export async function takeJob(
  app: App,
  worker: WorkerRecord,
  about: { version?: string; hostname?: string },
): Promise<JobTicket | null> {
  await app.database.transaction((store) => touchWorker(store, worker.id, app.now(), about));
  return claimFor(app, worker);
}

/** The job, if this worker holds it and it is still running; otherwise 409. */
async function held(app: App, worker: WorkerRecord, jobId: number): Promise<JobRecord> {
  const job = await findJob(app.database, jobId);
  if (!job || job.workerId !== worker.id || job.status !== "running") {
    throw new DomainError(
      "JOB.NOT_HELD",
      `Worker ${worker.name} does not hold job ${jobId}${job?.finishedAt ? ": it has finished" : ""}. Ask for a new one.`,
      { jobId },
    );
  }
  return job;
}

/** A heartbeat: the worker is alive; the answer says whether the job was cancelled meanwhile. */
export async function jobHeartbeat(
  app: App,
  worker: WorkerRecord,
  jobId: number,
  started = false,
): Promise<{ cancel: boolean }> {
  const job = await held(app, worker, jobId);
  const now = app.now();
  await app.database.transaction(async (store) => {
    await transitionJob(
      store,
      jobId,
      ["running"],
      { heartbeatAt: now, ...(started ? { startedAt: now } : {}) },
      worker.id,
    );
    await touchWorker(store, worker.id, now, {});
  });
  return { cancel: job.cancelRequestedAt !== null };
}

/** Output of a job, appended to its deployment's (or environment's) log with secret values masked. */
export async function jobLog(
  app: App,
  worker: WorkerRecord,
  jobId: number,
  text: string,
  cut: boolean,
): Promise<{ cancel: boolean }> {
  const job = await held(app, worker, jobId);
  const masked =
    maskSecrets(text, maskOf(job)) + (cut ? "\n[Shiplane] This part of the output passed 1 MB and was cut.\n" : "");
  await app.database.transaction(async (store) => {
    if (job.deploymentId !== null) await appendLog(store, job.deploymentId, masked);
    else if (job.environmentId !== null) await appendProvisionLog(store, job.environmentId, masked);
    await transitionJob(store, jobId, ["running"], { heartbeatAt: app.now() }, worker.id);
  });
  return { cancel: job.cancelRequestedAt !== null };
}

/** A verify job's JUnit report: recorded as the deployment's regression run. */
export async function jobJunit(app: App, worker: WorkerRecord, jobId: number, xml: string): Promise<void> {
  const job = await held(app, worker, jobId);
  if (job.phase !== "verify" || job.deploymentId === null) {
    throw new DomainError(
      "VALIDATION",
      `Job ${jobId} is a ${job.phase} step: only a verify step sends a JUnit report.`,
    );
  }
  const context = await loadDeploymentContext(app.database, job.deploymentId);
  const sink = createLogSink(app, job.deploymentId);
  try {
    const run = await recordTestRun(
      app,
      SYSTEM,
      { project: context.project.slug, suite: "regression", deployment: job.deploymentId },
      parseJUnit(xml),
    );
    sink.note(`Regression: ${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped.`);
  } catch (error) {
    sink.note(`The JUnit report could not be read: ${(error as Error).message}`);
  } finally {
    await sink.flush();
  }
}

/** A job's result: the job ends, and so does its step — the deployment goes on from there. */
export async function jobResult(app: App, worker: WorkerRecord, jobId: number, result: JobResult): Promise<void> {
  const job = await held(app, worker, jobId);
  const cancelled = job.cancelRequestedAt !== null;
  const ended = await app.database.transaction((store) =>
    transitionJob(
      store,
      jobId,
      ["running"],
      {
        status: cancelled ? "cancelled" : result.ok ? "succeeded" : "failed",
        finishedAt: app.now(),
        exitCode: result.exitCode,
        summary: result.summary,
      },
      worker.id,
    ),
  );
  if (!ended) throw new DomainError("JOB.NOT_HELD", `Job ${jobId} has already ended.`, { jobId });
  await completeStep(app, ended, { ok: result.ok && !cancelled, summary: result.summary }, cancelled);
}

/** Carries the step's end to its deployment (or environment), then lets the deployment go on. */
async function completeStep(app: App, job: JobRecord, outcome: { ok: boolean; summary: string }, cancelled = false) {
  if (job.deploymentId === null) {
    const environment = job.environmentId === null ? null : await findEnvironment(app.database, job.environmentId);
    if (environment) await finishProvision(app, environment, outcome);
    return;
  }
  const id = job.deploymentId;
  const sink = createLogSink(app, id);
  sink.note(outcome.summary);
  await sink.flush();
  if (cancelled) {
    await finish(app, await loadDeploymentContext(app.database, id), "cancelled", "Cancelled while its step ran.");
    return;
  }
  if (job.phase === "deploy") await completeDeploy(app, id, outcome);
  else if (job.phase === "switch") await completeSwitch(app, id, outcome);
  else {
    const run = (await regressionTotals(app.database, [id])).get(id) ?? null;
    if (!run) {
      const missing = createLogSink(app, id);
      missing.note("The verify step wrote no JUnit report at $SHIPLANE_JUNIT_FILE.");
      await missing.flush();
    }
    await completeVerify(app, id, outcome.ok && run !== null && run.failed === 0 ? "passed" : "failed");
  }
  app.runner.resume(id);
}

/** Stops a deployment's job: at once when no worker took it yet, else by the worker at its next heartbeat. */
export async function cancelJobOf(app: App, deploymentId: number, jobId: number, cause: string): Promise<void> {
  const now = app.now();
  const unclaimed = await app.database.transaction((store) =>
    transitionJob(store, jobId, ["queued"], {
      status: "cancelled",
      finishedAt: now,
      cancelRequestedAt: now,
      summary: cause,
    }),
  );
  if (unclaimed) {
    await finish(app, await loadDeploymentContext(app.database, deploymentId), "cancelled", cause);
    return;
  }
  await app.database.transaction((store) => transitionJob(store, jobId, ["running"], { cancelRequestedAt: now }));
}

/**
 * Jobs whose worker went silent for a minute: one that had not started goes back to the queue
 * for another worker; one that had fails with that cause, and so does its step.
 */
export async function sweepJobs(app: App): Promise<number> {
  const now = app.now();
  let swept = 0;
  for (const job of await silentJobs(app.database, new Date(now.getTime() - WORKER_SILENCE_MS))) {
    const worker = job.workerId === null ? null : await findWorker(app.database, job.workerId);
    const name = worker ? `Worker ${worker.name}` : "Its worker";
    if (!job.startedAt) {
      const requeued = await app.database.transaction((store) =>
        transitionJob(store, job.id, ["running"], {
          status: "queued",
          workerId: null,
          claimedAt: null,
          heartbeatAt: null,
        }),
      );
      if (requeued && job.deploymentId !== null) {
        const sink = createLogSink(app, job.deploymentId);
        sink.note(`${name} went silent before starting job ${job.id}; it goes to another worker.`);
        await sink.flush();
      }
      swept += requeued ? 1 : 0;
      continue;
    }
    const summary = `${name} went silent for ${WORKER_SILENCE_MS / 1000} s while running job ${job.id}, so its outcome is unknown. Check the target, then deploy again.`;
    const failed = await app.database.transaction((store) =>
      transitionJob(store, job.id, ["running"], { status: "failed", finishedAt: now, summary }),
    );
    if (!failed) continue;
    swept++;
    const deployment = job.deploymentId === null ? null : await findDeployment(app.database, job.deploymentId);
    if (job.deploymentId === null || (deployment && !deployment.finishedAt))
      await completeStep(app, failed, { ok: false, summary });
  }
  return swept;
}
