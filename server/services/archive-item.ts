import { DomainError } from "../../domain/errors";
import { positionBetween } from "../../domain/funnel/ordering";
import { isStageKey } from "../../domain/funnel/stages";
import type { BoardCard } from "../../domain/funnel/card";
import { closeInterval, lastPosition, openInterval, updateItemVersioned } from "../../db/repositories/items";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { loadCard } from "./cards";
import { checkVersion, requireActiveItem, requireItem } from "./lookups";

export interface RejectItemInput {
  id: number;
  reason: string;
  expectedVersion?: number;
}

/** Rejects a card with a reason: it leaves the board for the archive, where it stays searchable. */
export async function rejectItem(app: App, actor: Actor, input: RejectItemInput): Promise<BoardCard> {
  const reason = input.reason.trim();
  if (!reason)
    throw new DomainError("VALIDATION", "Say why the card is rejected: the reason stays on it in the archive.", {
      field: "reason",
    });
  const located = await requireActiveItem(app.database, input.id);
  return changeProject(app, located.projectId, async (store, record) => {
    const now = app.now();
    const item = await requireActiveItem(store, input.id);
    await checkVersion(item, input.expectedVersion, () => loadCard(store, item, now));
    if (item.stage === "live") {
      throw new DomainError("VALIDATION", "A card that is live cannot be rejected; roll back its release instead.", {
        field: "stage",
      });
    }
    const updated = await updateItemVersioned(store, item.id, item.version, {
      stage: "rejected",
      rejectedReason: reason,
      rejectedFromStage: item.stage,
      stageEnteredAt: now,
      updatedAt: now,
    });
    if (!updated)
      throw new DomainError(
        "ITEM.STALE_VERSION",
        "This card changed while it was being rejected. Reload and try again.",
      );
    await closeInterval(store, item.id, now, "rejected");
    // The archive is a stage of its own for the metrics: where rejected cards came from, and when.
    await openInterval(store, item.projectId, item.id, "rejected", now, item.stage);
    await record({ itemId: item.id, type: "item.rejected", actor: actor.id, payload: { reason, from: item.stage } });
    return loadCard(store, updated, now);
  });
}

/** Brings an archived card back to the column it was rejected from, at the bottom. */
export async function restoreItem(app: App, actor: Actor, input: { id: number }): Promise<BoardCard> {
  const located = await requireItem(app.database, input.id);
  return changeProject(app, located.projectId, async (store, record) => {
    const now = app.now();
    const item = await requireItem(store, input.id);
    if (item.stage !== "rejected") {
      throw new DomainError(
        "ITEM.NOT_ARCHIVED",
        `Card ${item.id} is on the board (${item.stage}), not in the archive.`,
        { id: item.id },
      );
    }
    const to = item.rejectedFromStage && isStageKey(item.rejectedFromStage) ? item.rejectedFromStage : "idea";
    const updated = await updateItemVersioned(store, item.id, item.version, {
      stage: to,
      position: positionBetween(await lastPosition(store, item.projectId, to), null),
      rejectedReason: null,
      rejectedFromStage: null,
      stageEnteredAt: now,
      updatedAt: now,
    });
    if (!updated)
      throw new DomainError(
        "ITEM.STALE_VERSION",
        "This card changed while it was being restored. Reload and try again.",
      );
    await closeInterval(store, item.id, now, to);
    await openInterval(store, item.projectId, item.id, to, now, "rejected");
    await record({ itemId: item.id, type: "item.restored", actor: actor.id, payload: { to } });
    return loadCard(store, updated, now);
  });
}
