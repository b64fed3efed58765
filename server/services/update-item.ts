import { DomainError } from "../../domain/errors";
import { DESCRIPTION_MAX, normaliseLabels, normaliseOwner, normaliseTitle } from "../../domain/funnel/item";
import type { BoardCard } from "../../domain/funnel/card";
import { updateItemVersioned, type ItemPatch } from "../../db/repositories/items";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { loadCard } from "./cards";
import { checkVersion, requireActiveItem } from "./lookups";

export interface UpdateItemInput {
  id: number;
  expectedVersion?: number;
  title?: string;
  description?: string;
  owner?: string | null;
  labels?: string[];
  estimate?: number | null;
  needsManualQa?: boolean;
  blocked?: boolean;
  blockedReason?: string | null;
}

const FIELDS = [
  "title",
  "description",
  "owner",
  "labels",
  "estimate",
  "needsManualQa",
  "blocked",
  "blockedReason",
] as const;

function normalise(input: UpdateItemInput): ItemPatch {
  const patch: ItemPatch = {};
  if (input.title !== undefined) patch.title = normaliseTitle(input.title);
  if (input.description !== undefined) {
    if (input.description.length > DESCRIPTION_MAX) {
      throw new DomainError("VALIDATION", `A description is at most ${DESCRIPTION_MAX} characters.`, {
        field: "description",
      });
    }
    patch.description = input.description.trim();
  }
  if (input.owner !== undefined) patch.owner = normaliseOwner(input.owner);
  if (input.labels !== undefined) patch.labels = normaliseLabels(input.labels);
  if (input.estimate !== undefined) patch.estimate = input.estimate;
  if (input.needsManualQa !== undefined) patch.needsManualQa = input.needsManualQa;
  if (input.blocked !== undefined) {
    patch.blocked = input.blocked;
    patch.blockedReason = input.blocked ? input.blockedReason?.trim() || null : null;
  } else if (input.blockedReason !== undefined) {
    patch.blockedReason = input.blockedReason?.trim() || null;
  }
  return patch;
}

/** Edits a card's fields; the event records each field's old and new value. */
export async function updateItem(app: App, actor: Actor, input: UpdateItemInput): Promise<BoardCard> {
  const patch = normalise(input);
  const located = await requireActiveItem(app.database, input.id);
  return changeProject(app, located.projectId, async (store, record) => {
    const now = app.now();
    const item = await requireActiveItem(store, input.id);
    await checkVersion(item, input.expectedVersion, () => loadCard(store, item, now));
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of FIELDS) {
      if (patch[field] === undefined) continue;
      if (JSON.stringify(patch[field]) !== JSON.stringify(item[field]))
        changes[field] = { from: item[field], to: patch[field] };
      else delete patch[field];
    }
    if (Object.keys(changes).length === 0) return loadCard(store, item, now);
    const updated = await updateItemVersioned(store, item.id, item.version, { ...patch, updatedAt: now });
    if (!updated)
      throw new DomainError("ITEM.STALE_VERSION", "This card changed while it was being saved. Reload and try again.");
    await record({ itemId: item.id, type: "item.updated", actor: actor.id, payload: { changes } });
    return loadCard(store, updated, now);
  });
}
