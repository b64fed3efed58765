import type { Database } from "../db/client";
import type { Notifier } from "../db/notify";
import type { StepConfig } from "../domain/release/environment";

/**
 * What runs deployments and the other steps of this instance. Services ask it for work through
 * this interface only, so they never depend on how steps are run (server/deploy/ implements it).
 */
export interface Runner {
  /** Names this instance in the claims it makes (schedules, deployments). */
  readonly id: string;
  /** Looks for queued deployments to start (after a deploy request, or on a timer). */
  kick(): void;
  /** Continues a deployment that waited on something outside (a deploy tool's callback, an external test runner). */
  resume(id: number): void;
  /** Stops a deployment this instance runs; false when it runs elsewhere or not at all. */
  cancel(id: number): boolean;
  /** Runs an environment's provisioning step in the background and records ready or failed. */
  provision(environment: { projectId: number; id: number; name: string }, step: StepConfig): void;
  /** The periodic duties: heartbeats, cancels asked elsewhere, recovery of what no one will finish. */
  tick(): Promise<void>;
  /** Marks failed what a dead process left running, and what an external tool never finished. */
  recover(): Promise<number>;
  /** Resolves when nothing is running or waiting to be claimed by this instance. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The application's services share these: the database, the change notifier, a clock and the runner. */
export interface App {
  database: Database;
  notifier: Notifier;
  now: () => Date;
  runner: Runner;
}
