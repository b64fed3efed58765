import { DomainError } from "../../domain/errors";
import { itemKey } from "../../domain/funnel/item";
import { rollbackPlan, rollbackTarget, type RollbackPlan } from "../../domain/release/rollback";
import { newestOnSlot, servedHistory } from "../../db/repositories/deployments";
import { completed } from "../../domain/release/deployment-state";
import type { EnvironmentRecord } from "../../db/repositories/environments";
import { findProjectById } from "../../db/repositories/projects";
import { findRelease, itemsOfReleases } from "../../db/repositories/releases";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { enqueue } from "./deploy-release";
import { readSettings } from "./environment-config";
import { requireEnvironment, requireProject } from "./lookups";

export interface RollbackInput {
  project: string;
  environment: string;
  reason?: string | null;
  /** The alert that triggered an automatic rollback. */
  alert?: string;
}

/** What a rollback would do, named before it runs: the target release, its cards, and how it gets there. */
export interface RollbackPreview {
  environment: string;
  current: { releaseId: number; version: string };
  target: {
    releaseId: number;
    version: string;
    cards: { id: number; key: string; title: string }[];
    /** When it stopped serving this environment. */
    liveUntil: Date;
  };
  how: RollbackPlan["how"];
  slot: string | null;
}

export interface RollbackQueued extends RollbackPreview {
  deploymentId: number;
}

async function planRollback(app: App, environment: EnvironmentRecord) {
  const blueGreen = environment.strategy === "blue-green";
  const settings = readSettings(environment.config);
  const history = await servedHistory(app.database, environment.id, blueGreen);
  const decision = rollbackTarget(
    environment.name,
    history.map((row) => ({
      deploymentId: row.deploymentId,
      releaseId: row.releaseId,
      version: row.version,
      verified: row.verifiedThere || !settings.verify,
      rolledBack: row.status === "rolled-back",
      from: row.from,
    })),
  );
  if (!decision.ok) throw new DomainError("ROLLBACK.UNAVAILABLE", decision.reason, { environment: environment.name });
  const idleSlot = blueGreen ? (environment.activeSlot === "green" ? "blue" : "green") : null;
  const idle = idleSlot ? await newestOnSlot(app.database, environment.id, idleSlot) : null;
  const plan = rollbackPlan(
    environment,
    decision.target,
    idle && completed(idle)
      ? {
          releaseId: idle.releaseId,
          verified: idle.verifyStatus === "passed" || (idle.verifyStatus === null && !settings.verify),
        }
      : null,
  );
  const [release, items, project] = await Promise.all([
    findRelease(app.database, decision.target.releaseId),
    itemsOfReleases(app.database, [decision.target.releaseId]),
    findProjectById(app.database, environment.projectId),
  ]);
  const preview: RollbackPreview = {
    environment: environment.name,
    current: { releaseId: decision.current.releaseId, version: decision.current.version },
    target: {
      releaseId: decision.target.releaseId,
      version: decision.target.version,
      cards: items.map((item) => ({
        id: item.id,
        key: itemKey(project?.keyPrefix ?? "", item.number),
        title: item.title,
      })),
      liveUntil: decision.liveUntil,
    },
    how: plan.how,
    slot: plan.slot,
  };
  return { release: release!, plan, preview };
}

/** The rollback's target and plan, for the confirmation: refused with the reason when there is none. */
export async function previewRollback(app: App, input: { project: string; environment: string }) {
  const project = await requireProject(app.database, input.project);
  const environment = await requireEnvironment(app.database, project.id, input.environment);
  return (await planRollback(app, environment)).preview;
}

/**
 * Rolls an environment back to the release it served before the current one, verified there:
 * a blue-green environment switches back when its idle slot holds exactly that release,
 * verified, and otherwise deploys it again (to the idle slot, then switches); in place, it is
 * deployed again. The release rolled back is pinned: automatic promotion leaves it alone.
 */
export async function rollbackEnvironment(app: App, actor: Actor, input: RollbackInput): Promise<RollbackQueued> {
  const project = await requireProject(app.database, input.project);
  const environment = await requireEnvironment(app.database, project.id, input.environment);
  const { release, plan, preview } = await planRollback(app, environment);
  const deploymentId = await enqueue(app, actor, {
    release,
    environment,
    purpose: "rollback",
    slot: plan.slot,
    phase: plan.phase,
    details: {
      reason: input.reason?.trim() || null,
      ...(input.alert ? { alert: input.alert, automatic: true } : {}),
      from: preview.current.version,
      to: preview.target.version,
      how: plan.how,
      cards: preview.target.cards.map((card) => card.key),
      liveUntil: preview.target.liveUntil.toISOString(),
    },
  });
  return { deploymentId, ...preview };
}
