import { isDomainError } from "../../domain/errors";
import { isStageKey, stageIndex, STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { findItem } from "../../db/repositories/items";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { moveItem } from "./move-item";
import { updateItem } from "./update-item";

/** What happened to one card when the pipeline moved it (for deployment logs). */
export type CardEffect = { itemId: number; moved: boolean; note: string };

/** Rejected code goes back: cards past Code (but not yet Live) return to it; cards in Code are flagged with the cause. */
export async function sendBackToCode(app: App, actor: Actor, itemIds: number[], reason: string): Promise<void> {
  for (const itemId of itemIds) {
    const item = await findItem(app.database, itemId);
    if (!item || !isStageKey(item.stage)) continue;
    if (stageIndex(item.stage) > stageIndex("code") && item.stage !== "live") {
      await moveItem(app, actor, { id: itemId, toStage: "code", reason });
    }
    const moved = await findItem(app.database, itemId);
    if (moved && moved.stage === "code" && moved.blockedReason !== reason)
      await updateItem(app, actor, { id: itemId, blocked: true, blockedReason: reason });
  }
}

/** Lifts the flag `isCause` recognises (a red build's, a failed regression's) from the cards. */
export async function clearFlags(
  app: App,
  actor: Actor,
  itemIds: number[],
  isCause: (reason: string) => boolean,
): Promise<void> {
  for (const itemId of itemIds) {
    const item = await findItem(app.database, itemId);
    if (item?.blocked && item.blockedReason && isCause(item.blockedReason))
      await updateItem(app, actor, { id: itemId, blocked: false });
  }
}

/**
 * Moves the cards forward to `to` from the stages in `from`, each through its gates; a card a
 * gate holds back stays where it is, and the effect says why.
 */
export async function advanceCards(
  app: App,
  actor: Actor,
  itemIds: number[],
  from: StageKey[],
  to: StageKey,
  /** A forced promotion's reason: the cards follow their release past the gates, the move says why. */
  forced?: string,
): Promise<CardEffect[]> {
  const effects: CardEffect[] = [];
  for (const itemId of itemIds) {
    const item = await findItem(app.database, itemId);
    if (!item || !isStageKey(item.stage) || !from.includes(item.stage)) continue;
    try {
      await moveItem(app, actor, { id: itemId, toStage: to, ...(forced ? { force: true, reason: forced } : {}) });
      effects.push({ itemId, moved: true, note: `moved to ${STAGE_NAMES[to]}` });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      effects.push({ itemId, moved: false, note: `stays in ${STAGE_NAMES[item.stage]}: ${error.message}` });
    }
  }
  return effects;
}

/** Moves cards back to `to` as rework with a reason (a rollback takes its cards off Live). */
export async function returnCards(
  app: App,
  actor: Actor,
  itemIds: number[],
  from: StageKey[],
  to: StageKey,
  reason: string,
): Promise<void> {
  for (const itemId of itemIds) {
    const item = await findItem(app.database, itemId);
    if (item && isStageKey(item.stage) && from.includes(item.stage))
      await moveItem(app, actor, { id: itemId, toStage: to, reason });
  }
}
