import { DomainError } from "../../domain/errors";
import { toMoveFacts, NO_FACTS } from "../../domain/delivery/item-facts";
import { evaluateMove } from "../../domain/funnel/gates";
import { positionBetween } from "../../domain/funnel/ordering";
import { isStageKey, STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { toBoardCard, type BoardCard } from "../../domain/funnel/card";
import type { Store } from "../../db/client";
import { firingLiveAlerts, loadItemFacts } from "../../db/repositories/facts";
import {
  closeInterval,
  findItem,
  lastPosition,
  openInterval,
  positionAfter,
  positionBefore,
  moveItemRow,
  type ItemRecord,
} from "../../db/repositories/items";
import { findProjectById } from "../../db/repositories/projects";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { loadCard } from "./cards";
import { checkVersion, requireActiveItem } from "./lookups";

export interface MoveItemInput {
  id: number;
  toStage: string;
  expectedVersion?: number;
  reason?: string | null;
  /** An admin may push a card past a closed gate with a written reason; it is audited. */
  force?: boolean;
  /** Place the card directly below this one (same target column). */
  afterId?: number | null;
  /** Place the card directly above this one (same target column). */
  beforeId?: number | null;
}

export async function moveItem(app: App, actor: Actor, input: MoveItemInput): Promise<BoardCard> {
  return (await moveItemWithRecord(app, actor, input)).card;
}

/** The move, answering with the stored item too (the REST API shows more of it than the card). */
export async function moveItemWithRecord(app: App, actor: Actor, input: MoveItemInput): Promise<Moved> {
  if (!isStageKey(input.toStage)) {
    const hint = input.toStage === "rejected" ? " To archive a card, reject it with a reason." : "";
    throw new DomainError(
      "STAGE.UNKNOWN",
      `There is no stage "${input.toStage}". Stages: idea, story, code, build, test, live.${hint}`,
      {
        stage: input.toStage,
      },
    );
  }
  const to: StageKey = input.toStage;
  const projectId = await projectOfItem(app, input.id);
  // Reads first, then the project lock for the writes only (moves are the busiest writes).
  // If the card changed in between, a move that named no expected version ("move it as it
  // is now") is decided again with the lock held from the start, so it cannot be overtaken.
  try {
    return await attemptMove(app, actor, input, to, projectId, false);
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile)) throw error;
    if (input.expectedVersion !== undefined) {
      throw new DomainError(
        "ITEM.STALE_VERSION",
        "Someone changed this card while it was being moved. Reload it and try again.",
      );
    }
    return attemptMove(app, actor, input, to, projectId, true);
  }
}

class ChangedMeanwhile extends Error {}

interface Moved {
  card: BoardCard;
  item: ItemRecord;
}

/** A card never changes project: which project it belongs to is read once per app. */
const projectsOfItems = new WeakMap<App, Map<number, number>>();
export async function projectOfItem(app: App, id: number): Promise<number> {
  const known = projectsOfItems.get(app) ?? projectsOfItems.set(app, new Map()).get(app)!;
  const cached = known.get(id);
  if (cached !== undefined) return cached;
  const item = await requireActiveItem(app.database, id);
  if (known.size > 100_000) known.clear();
  known.set(id, item.projectId);
  return item.projectId;
}

async function attemptMove(
  app: App,
  actor: Actor,
  input: MoveItemInput,
  to: StageKey,
  projectId: number,
  lockFirst: boolean,
): Promise<Moved> {
  return changeProject(
    app,
    projectId,
    async (store, record, lock) => {
      const now = app.now();
      const item = await requireActiveItem(store, input.id);
      await checkVersion(item, input.expectedVersion, () => loadCard(store, item, now));
      const from = item.stage as StageKey;
      const reason = input.reason?.trim() || null;
      const project = await findProjectById(store, item.projectId);
      const required = project?.requiredApprovals ?? 1;
      // The same facts feed the gates and the moved card's badges (a move does not change them).
      const facts = (await loadItemFacts(store, item.projectId, item.id)).get(item.id) ?? NO_FACTS;
      // Alerts on live only matter to a card entering Live.
      const entersLive = to === "live" && from !== "live";
      const moveFacts = toMoveFacts(facts, required, entersLive ? await firingLiveAlerts(store, item.projectId) : []);
      const decision = evaluateMove(
        {
          kind: item.kind,
          description: item.description,
          owner: item.owner,
          needsManualQa: item.needsManualQa,
          qaSignedOff: Boolean(item.qaSignedOffAt),
        },
        from,
        to,
        moveFacts,
        { reason },
      );
      const forced = !decision.allowed && input.force === true;
      if (forced && (actor.role !== "admin" || !reason)) {
        throw new DomainError(
          "AUTH.FORBIDDEN",
          "Only an admin can force a move past a gate, and only with a written reason.",
          {
            reasons: decision.reasons,
          },
        );
      }
      if (!decision.allowed && !forced) {
        const code = decision.direction === "backward" ? "MOVE.REASON_REQUIRED" : "GATE.REFUSED";
        const head =
          decision.direction === "backward"
            ? "A reason is needed"
            : `${item.title} cannot enter ${STAGE_NAMES[to]} yet`;
        throw new DomainError(code, `${head}: ${decision.reasons.join(" ")}`, { reasons: decision.reasons, from, to });
      }

      const position = await targetPosition(store, item, to, input);
      const changesStage = from !== to;
      await lock();
      const updated = await moveItemRow(store, item.id, item.version, {
        stage: to,
        position,
        updatedAt: now,
        stageEnteredAt: changesStage ? now : item.stageEnteredAt,
        kind: changesStage && to !== "idea" ? "story" : item.kind,
      });
      if (!updated) throw new ChangedMeanwhile();
      if (changesStage) {
        await closeInterval(store, item.id, now, to);
        await openInterval(store, item.projectId, item.id, to, now, from);
        await record({
          itemId: item.id,
          type: "item.moved",
          actor: actor.id,
          payload: {
            from,
            to,
            ...(reason ? { reason } : {}),
            ...(forced ? { forced: true, overriddenReasons: decision.reasons } : {}),
          },
        });
      } else {
        await record({ itemId: item.id, type: "item.reordered", actor: actor.id, payload: { stage: to } });
      }
      return { card: toBoardCard(updated, project?.keyPrefix ?? "", facts, required, now), item: updated };
    },
    { lockFirst },
  );
}

/** The card's new key between its intended neighbours, computed from what the database holds now. */
async function targetPosition(store: Store, item: ItemRecord, to: StageKey, input: MoveItemInput): Promise<string> {
  const neighbour = async (id: number | null | undefined) => {
    if (id === null || id === undefined || id === item.id) return null;
    const other = await findItem(store, id);
    return other && other.projectId === item.projectId && other.stage === to ? other : null;
  };
  const above = await neighbour(input.afterId);
  if (above)
    return positionBetween(above.position, await positionAfter(store, item.projectId, to, above.position, item.id));
  const below = await neighbour(input.beforeId);
  if (below)
    return positionBetween(await positionBefore(store, item.projectId, to, below.position, item.id), below.position);
  if (item.stage === to) return item.position;
  // Dropped on a column with no neighbour named: it joins the bottom of the queue.
  return positionBetween(await lastPosition(store, item.projectId, to), null);
}
