import { itemKey } from "../../domain/funnel/item";
import type { StageKey } from "../../domain/funnel/stages";
import type { Store } from "../../db/client";
import { newestSucceededBefore, updateDeployment } from "../../db/repositories/deployments";
import { findRelease, itemsOfReleases, pinRelease, type ReleaseRecord } from "../../db/repositories/releases";
import { changeProject, type RecordEvent } from "../unit-of-work";
import type { App } from "../app";
import { advanceCards, returnCards } from "../services/card-effects";
import { fromSlot, payloadOf, switches, type DeploymentContext } from "./context";
import { createLogSink } from "./log-sink";
import { SYSTEM } from "../../domain/access/actor";

/** What a finished promotion or rollback does beyond the deployment itself. */

/**
 * In the transaction that finishes a promotion or a rollback: its event, and for a rollback the
 * deployment it replaced marked rolled back and that release pinned (automatic promotion leaves
 * it alone). Returns the replaced release, whose cards leave Live.
 */
export async function finishedEffects(
  app: App,
  store: Store,
  context: DeploymentContext,
  record: RecordEvent,
): Promise<ReleaseRecord | null> {
  const { deployment, environment } = context;
  if (deployment.purpose === "promote") {
    await record({ itemId: null, type: "promotion.done", actor: deployment.triggeredBy, payload: payloadOf(context) });
  }
  if (deployment.purpose !== "rollback") return null;
  const slot = switches(context) ? fromSlot(context) : (deployment.slot as string | null);
  const replaced = await newestSucceededBefore(store, environment.id, slot, deployment.id);
  const release = replaced ? await findRelease(store, replaced.releaseId) : null;
  const rolledBack = release && release.id !== context.release.id ? release : null;
  if (rolledBack) {
    await updateDeployment(store, replaced!.id, { status: "rolled-back" });
    await pinRelease(
      store,
      rolledBack.id,
      app.now(),
      `rolled back on ${environment.name} to ${context.release.version}`,
    );
  }
  const asked = deployment.request ?? {};
  await record({
    itemId: null,
    type: "rollback.done",
    actor: deployment.triggeredBy,
    payload: payloadOf(context, {
      from: rolledBack?.version ?? null,
      to: context.release.version,
      cards: asked.cards ?? [],
      liveUntil: asked.liveUntil ?? null,
      how: asked.how ?? null,
    }),
  });
  return rolledBack;
}

/**
 * After a deployment finished well: a promotion takes its cards Live; a rollback takes the
 * replaced release's cards back to Test and its target's cards to Live, where they are again.
 */
export async function afterFinish(app: App, context: DeploymentContext, replaced: ReleaseRecord | null): Promise<void> {
  const { deployment } = context;
  if (replaced) {
    const items = (await itemsOfReleases(app.database, [replaced.id])).map((item) => item.id);
    const reason = `Release ${replaced.version} was rolled back on ${context.environment.name} to ${context.release.version}.`;
    await returnCards(app, SYSTEM, items, ["live"], "test", reason);
  }
  if (deployment.purpose !== "deploy" && context.environment.kind === "live") {
    const forced = deployment.request?.forced
      ? `Forced promotion: ${String(deployment.request.reason ?? "")}`
      : undefined;
    const from: StageKey[] = forced ? ["code", "build", "test"] : ["build", "test"];
    const effects = await advanceCards(app, SYSTEM, context.itemIds, from, "live", forced);
    await noteEffects(app, deployment.id, context, effects);
  }
}

export async function recordFailure(app: App, context: DeploymentContext, reason: string): Promise<void> {
  const type = context.deployment.purpose === "rollback" ? "rollback.failed" : "promotion.failed";
  await changeProject(app, context.project.id, async (_store, record) => {
    await record({ itemId: null, type, actor: "system", payload: payloadOf(context, { reason }) });
  });
}

export async function noteEffects(
  app: App,
  id: number,
  context: DeploymentContext,
  effects: { itemId: number; note: string }[],
): Promise<void> {
  if (effects.length === 0) return;
  const items = await itemsOfReleases(app.database, [context.release.id]);
  const sink = createLogSink(app, id);
  for (const effect of effects) {
    const item = items.find((i) => i.id === effect.itemId);
    sink.note(`${item ? itemKey(context.project.keyPrefix, item.number) : `#${effect.itemId}`} ${effect.note}`);
  }
  await sink.flush();
}
