import os from "node:os";
import {
  heartbeat,
  overdueDeployments,
  queuedDeployments,
  transitionDeployment,
  unfinishedDeployments,
  unfinishedOnSlot,
  type DeploymentRecord,
} from "../../db/repositories/deployments";
import { changeProject } from "../unit-of-work";
import type { App, Runner } from "../app";
import { loadDeploymentContext } from "./context";
import { advance, finish } from "./pipeline";
import { provisionEnvironment } from "./provision";
import { sweepJobs } from "./job-reports";
import type { StepConfig } from "../../domain/release/environment";

const STALE_MS = 60_000;
/** Runners alive in this process (tests run several apps in one process). */
const LIVE_RUNNERS = new Set<string>();
let started = 0;

/**
 * Runs this instance's share of the deployments: claims queued ones (one at a time per
 * environment slot, across every instance sharing the database), carries each through its
 * steps, keeps a heartbeat on them, and cancels them on request. Several instances may run
 * a runner each; a deployment belongs to the one whose claim committed.
 */
export class DeployRunner implements Runner {
  /** host/pid/start: unique per process, and tells a dead process from a live one on this host. */
  readonly id = `${os.hostname()}/${process.pid}/${Date.now()}.${++started}`;
  private readonly jobs = new Map<number, { abort: AbortController; done: Promise<void> }>();
  private readonly other = new Set<Promise<unknown>>();
  /** Deployments whose step ended while they were still being carried: carried on again after. */
  private readonly resumeAgain = new Set<number>();
  private pump: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly app: App) {
    LIVE_RUNNERS.add(this.id);
  }

  /** Looks for queued deployments to start (after a deploy request, or on a timer). */
  kick(): void {
    if (this.closed) return;
    if (this.pump) {
      this.again = true;
      return;
    }
    this.pump = this.drain()
      .catch((error: Error) => console.error(`Deployment runner: ${error.message}`))
      .finally(() => {
        this.pump = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Continues a deployment that waited on something outside (a deploy tool's callback, an external test runner). */
  resume(id: number): void {
    if (this.closed) return;
    // Still unwinding from the step it handed out: carry on as soon as that is done.
    if (this.jobs.has(id)) this.resumeAgain.add(id);
    else this.start(id, true);
  }

  /** Stops a deployment this instance runs; false when it runs elsewhere or not at all. */
  cancel(id: number): boolean {
    const job = this.jobs.get(id);
    job?.abort.abort();
    return Boolean(job);
  }

  provision(environment: { projectId: number; id: number; name: string }, step: StepConfig): void {
    this.track(provisionEnvironment(this.app, environment, step));
  }

  /** Other background work of this instance (an environment's provisioning), waited for by `idle`. */
  private track(work: Promise<unknown>): void {
    const done = work
      .catch((error: Error) => console.error(`Background work failed: ${error.message}`))
      .finally(() => this.other.delete(done));
    this.other.add(done);
  }

  /** Resolves when nothing is running or waiting to be claimed by this instance. */
  async idle(): Promise<void> {
    while (this.pump || this.jobs.size || this.other.size) {
      await this.pump;
      await Promise.all([...this.jobs.values()].map((job) => job.done));
      await Promise.all(this.other);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    LIVE_RUNNERS.delete(this.id);
    for (const job of this.jobs.values()) job.abort.abort();
    await this.idle();
  }

  /** Carries a deployment on; `resumed`: this instance takes it over first (its heartbeat marks it, its crash is seen). */
  private start(id: number, resumed = false): void {
    const abort = new AbortController();
    const done = (async () => {
      if (resumed)
        await this.app.database
          .transaction((store) =>
            transitionDeployment(store, id, ["running", "succeeded"], { runner: this.id, heartbeatAt: this.app.now() }),
          )
          .catch(() => undefined);
      await advance(this.app, id, abort.signal);
    })()
      .catch((error: Error) => console.error(`Deployment ${id} stopped on an error: ${error.message}`))
      .finally(() => {
        this.jobs.delete(id);
        if (this.resumeAgain.delete(id)) this.start(id, true);
        this.kick();
      });
    this.jobs.set(id, { abort, done });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claimNext();
      if (claimed === null) return;
      this.start(claimed);
    }
  }

  /** Claims the oldest queued deployment whose slot is free; null when there is none. */
  private async claimNext(): Promise<number | null> {
    for (const candidate of await queuedDeployments(this.app.database)) {
      const claimed = await changeProject(this.app, candidate.projectId, async (store, record) => {
        const onSlot = await unfinishedOnSlot(store, candidate.environmentId, candidate.slot);
        const busy = onSlot.some((d) => d.status !== "queued");
        if (busy || onSlot[0]?.id !== candidate.id) return false;
        const now = this.app.now();
        const moved = await transitionDeployment(store, candidate.id, ["queued"], {
          status: "running",
          startedAt: now,
          heartbeatAt: now,
          runner: this.id,
          phase: candidate.phase ?? "deploy",
        });
        if (moved)
          await record({
            itemId: null,
            type: "deployment.started",
            actor: "system",
            payload: { deploymentId: candidate.id, slot: candidate.slot, purpose: candidate.purpose },
          });
        return moved;
      });
      if (claimed) return candidate.id;
    }
    return null;
  }

  /**
   * The periodic duties: heartbeats on this instance's deployments (and cancels asked of
   * another instance), and deployments no one will finish marked failed with their cause.
   */
  async tick(): Promise<void> {
    const now = this.app.now();
    // No write transaction (on SQLite, the one writer's lock) when this instance runs nothing.
    const running = [...this.jobs.keys()];
    const beats = running.length ? await this.app.database.transaction((store) => heartbeat(store, running, now)) : [];
    for (const beat of beats) if (beat.cancelRequestedAt) this.cancel(beat.id);
    await this.recover();
    await sweepJobs(this.app);
    this.kick();
  }

  /** Marks failed what a dead process left running, and what an external tool never finished. */
  async recover(): Promise<number> {
    const now = this.app.now();
    let recovered = 0;
    for (const deployment of await unfinishedDeployments(this.app.database)) {
      const cause = this.orphanCause(deployment, now);
      if (!cause) continue;
      const context = await loadDeploymentContext(this.app.database, deployment.id);
      if (await finish(this.app, context, "failed", cause)) recovered++;
    }
    for (const deployment of await overdueDeployments(this.app.database, now)) {
      const context = await loadDeploymentContext(this.app.database, deployment.id);
      const missing =
        deployment.phase === "verify" ? "The external runner's regression results" : "The deploy tool's status";
      if (await finish(this.app, context, "failed", `${missing} did not arrive before the timeout.`)) recovered++;
    }
    return recovered;
  }

  private orphanCause(deployment: DeploymentRecord, now: Date): string | null {
    const runner = deployment.runner;
    // A worker's job has its own heartbeat: sweepJobs fails it when the worker goes silent.
    if (!runner || runner === "external" || runner.startsWith("worker:") || LIVE_RUNNERS.has(runner)) return null;
    const [host, pid] = runner.split("/");
    const left = deployment.pid
      ? ` Its command (process ${deployment.pid}) may have been left running; check the target.`
      : "";
    const cause = `Shiplane stopped while this deployment was running (the app crashed or was killed), so its outcome is unknown.${left} Deploy again.`;
    if (host === os.hostname()) return Number(pid) !== process.pid && processAlive(Number(pid)) ? null : cause;
    const lastSign = deployment.heartbeatAt ?? deployment.startedAt;
    return lastSign && now.getTime() - lastSign.getTime() > STALE_MS ? cause : null;
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
