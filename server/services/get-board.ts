import { comparePositions } from "../../domain/funnel/ordering";
import { toBoardCard, type BoardCard } from "../../domain/funnel/card";
import { wipState, type Stage } from "../../domain/funnel/stages";
import { NO_FACTS } from "../../domain/delivery/item-facts";
import { latestEventId } from "../../db/repositories/events";
import { loadItemFacts } from "../../db/repositories/facts";
import { listBoardItems } from "../../db/repositories/items";
import { listStages, type ProjectRecord } from "../../db/repositories/projects";
import type { App } from "../app";
import { requireProject } from "./lookups";

export interface BoardColumn extends Stage {
  count: number;
  wip: "ok" | "at-limit" | "over-limit";
}

export interface Board {
  project: ProjectRecord;
  columns: BoardColumn[];
  /** Every card on the board, in column order then position. */
  cards: BoardCard[];
  /** The newest event already reflected here: live updates resume after it. */
  lastEventId: number;
}

export async function getBoard(app: App, input: { project: string }): Promise<Board> {
  const store = app.database;
  const project = await requireProject(store, input.project);
  // Read before the cards: a change committed in between arrives again live (harmlessly).
  const lastEventId = await latestEventId(store, project.id);
  const [stages, items, facts] = await Promise.all([
    listStages(store, project.id),
    listBoardItems(store, project.id),
    loadItemFacts(store, project.id),
  ]);
  const now = app.now();
  items.sort(comparePositions);
  const cards = items.map((item) => toBoardCard(item, project.keyPrefix, facts.get(item.id) ?? NO_FACTS, project.requiredApprovals, now));
  const counts = new Map<string, number>();
  for (const card of cards) counts.set(card.stage, (counts.get(card.stage) ?? 0) + 1);
  const columns = stages.map((stage) => {
    const count = counts.get(stage.key) ?? 0;
    return { ...stage, count, wip: wipState(count, stage.wipLimit) };
  });
  return { project, columns, cards, lastEventId };
}
