import type { BoardCard } from "../../domain/funnel/card";
import type { ItemFacts } from "../../domain/delivery/item-facts";
import { NO_FACTS } from "../../domain/delivery/item-facts";
import { listItemEvents, type EventRecord } from "../../db/repositories/events";
import { loadItemFacts } from "../../db/repositories/facts";
import { listIntervals } from "../../db/repositories/items";
import type { App } from "../app";
import { loadCard } from "./cards";
import { requireItem } from "./lookups";

export interface ItemDetail {
  card: BoardCard;
  description: string;
  stageEnteredAt: Date;
  projectId: number;
  qaSignedOffBy: string | null;
  qaSignedOffAt: Date | null;
  qaSignOffNote: string | null;
  rejectedReason: string | null;
  rejectedFromStage: string | null;
  createdAt: Date;
  updatedAt: Date;
  facts: ItemFacts;
  intervals: { stage: string; enteredAt: Date; leftAt: Date | null }[];
  history: EventRecord[];
}

/** Everything the card drawer shows: fields, linked work, time in each stage, and its history. */
export async function getItem(app: App, input: { id: number }): Promise<ItemDetail> {
  const store = app.database;
  const item = await requireItem(store, input.id);
  const [card, facts, intervals, history] = await Promise.all([
    loadCard(store, item, app.now()),
    loadItemFacts(store, item.projectId, item.id),
    listIntervals(store, item.id),
    listItemEvents(store, item.id),
  ]);
  return {
    card,
    description: item.description,
    stageEnteredAt: item.stageEnteredAt,
    projectId: item.projectId,
    qaSignedOffBy: item.qaSignedOffBy,
    qaSignedOffAt: item.qaSignedOffAt,
    qaSignOffNote: item.qaSignOffNote,
    rejectedReason: item.rejectedReason,
    rejectedFromStage: item.rejectedFromStage,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    facts: facts.get(item.id) ?? NO_FACTS,
    intervals,
    history,
  };
}
