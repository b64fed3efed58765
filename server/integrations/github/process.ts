import {
  claimDelivery,
  findDelivery,
  listPendingDeliveries,
  markDelivery,
  type DeliveryRecord,
} from "../../../db/repositories/deliveries";
import { findItem } from "../../../db/repositories/items";
import { findProjectById } from "../../../db/repositories/projects";
import { DomainError, isDomainError } from "../../../domain/errors";
import { isStageKey, stageIndex } from "../../../domain/funnel/stages";
import { changeProject } from "../../unit-of-work";
import type { Actor } from "../../../domain/access/actor";
import type { App } from "../../app";
import { moveItem } from "../../services/move-item";
import { updateItem } from "../../services/update-item";
import { postGateStatuses } from "./status";
import {
  ACTOR,
  type ChecksEvent,
  onChecks,
  onPullRequest,
  onPullRequestReview,
  onPush,
  type Followups,
  type HandlerContext,
} from "./handlers";

const GITHUB: Actor = { id: ACTOR, role: "member" };

/** Processes one stored delivery: its writes and events in one transaction, then the card moves it asks for. */
export async function processDelivery(app: App, delivery: DeliveryRecord): Promise<void> {
  if (delivery.status !== "pending") return;
  const project = await findProjectById(app.database, delivery.projectId);
  if (!project) return;
  const payload = JSON.parse(delivery.body);
  const repository = payload.repository?.full_name;
  if (project.repo && typeof repository === "string" && repository.toLowerCase() !== project.repo.toLowerCase()) {
    await markDelivery(
      app.database,
      delivery.id,
      "ignored",
      `Repository ${repository} is not this project's (${project.repo}).`,
      app.now(),
    );
    return;
  }
  const followups: Followups = { advance: [], flag: [], unflag: [], pullRequests: new Set() };
  let claimed = false;
  try {
    await changeProject(app, project.id, async (store, record) => {
      // Whoever claims it processes it; another instance (or a replay) finds it taken.
      claimed = await claimDelivery(store, delivery.id, app.now());
      if (!claimed) return;
      const ctx: HandlerContext = { store, project, record, now: app.now(), followups };
      switch (delivery.event) {
        case "pull_request":
          await onPullRequest(ctx, payload);
          break;
        case "pull_request_review":
          await onPullRequestReview(ctx, payload);
          break;
        case "check_suite":
        case "check_run":
        case "workflow_run":
        case "status":
          await onChecks(ctx, { name: delivery.event, payload } as ChecksEvent);
          break;
        case "push":
          await onPush(ctx, payload);
          break;
      }
    });
  } catch (error) {
    await markDelivery(app.database, delivery.id, "failed", (error as Error).message, app.now());
    return;
  }
  if (!claimed) return;
  await applyFollowups(app, followups);
  await postGateStatuses(app, project.id, followups.pullRequests);
}

const drain = new WeakMap<App, { running: Promise<number>; again: boolean }>();

/**
 * Processes stored deliveries oldest first, one at a time, yielding to the event loop between
 * them so that answering new deliveries comes first during a burst. Calls while it runs make
 * it look again before it stops. Resolves with how many it processed.
 */
export function drainDeliveries(app: App): Promise<number> {
  const current = drain.get(app);
  if (current) {
    current.again = true;
    return current.running;
  }
  const state = { again: false, running: Promise.resolve(0) };
  state.running = (async () => {
    let processed = 0;
    try {
      do {
        state.again = false;
        for (;;) {
          const batch = await listPendingDeliveries(app.database, 50);
          for (const delivery of batch) {
            await processDelivery(app, delivery);
            processed++;
            await new Promise((resolve) => setImmediate(resolve));
          }
          if (batch.length < 50) break;
        }
      } while (state.again);
      return processed;
    } finally {
      drain.delete(app);
    }
  })();
  drain.set(app, state);
  return state.running;
}

/** Moves cards forward by one column through its gate; a closed gate leaves the card where it is. */
async function applyFollowups(app: App, followups: Followups): Promise<void> {
  for (const { itemId, to, ownerIfNone } of followups.advance) {
    const item = await findItem(app.database, itemId);
    if (!item || !isStageKey(item.stage) || stageIndex(item.stage) !== stageIndex(to) - 1) continue;
    try {
      if (ownerIfNone && !item.owner) await updateItem(app, GITHUB, { id: itemId, owner: ownerIfNone });
      await moveItem(app, GITHUB, { id: itemId, toStage: to });
    } catch (error) {
      if (!isDomainError(error) || (error.code !== "GATE.REFUSED" && error.code !== "ITEM.STALE_VERSION")) throw error;
    }
  }
  for (const { itemId, reason } of followups.unflag) {
    const item = await findItem(app.database, itemId);
    if (item?.blocked && item.blockedReason === reason) await updateItem(app, GITHUB, { id: itemId, blocked: false });
  }
  for (const { itemId, reason } of followups.flag) {
    const item = await findItem(app.database, itemId);
    if (item && item.stage !== "rejected" && item.blockedReason !== reason)
      await updateItem(app, GITHUB, { id: itemId, blocked: true, blockedReason: reason });
  }
}

/** Processes what was stored but not processed (the app stopped in between); returns how many. */
export function processPendingDeliveries(app: App): Promise<number> {
  return drainDeliveries(app);
}

/** Processes a stored delivery again (after a fix), whatever its outcome was. */
export async function replayDelivery(app: App, projectId: number, deliveryId: string): Promise<DeliveryRecord> {
  const delivery = await findDelivery(app.database, projectId, "github", deliveryId);
  if (!delivery)
    throw new DomainError(
      "VALIDATION",
      `No GitHub delivery "${deliveryId}" is stored: copy its id from the project's recent deliveries.`,
    );
  await markDelivery(app.database, delivery.id, "pending", null, app.now());
  await processDelivery(app, { ...delivery, status: "pending" });
  return (await findDelivery(app.database, projectId, "github", deliveryId))!;
}
