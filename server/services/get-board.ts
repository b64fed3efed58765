import { comparePositions } from "../../domain/funnel/ordering";
import { toBoardCard, type BoardCard, type BoardItem } from "../../domain/funnel/card";
import { wipState, type Stage } from "../../domain/funnel/stages";
import { NO_FACTS } from "../../domain/delivery/item-facts";
import { latestEventId } from "../../db/repositories/events";
import { loadItemFacts } from "../../db/repositories/facts";
import { countByStage, listBoardItems, listColumnHead } from "../../db/repositories/items";
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
  /** The cards on the board, in position order (each column's cards in board order): all of them, or each column's head. */
  cards: BoardCard[];
  /** False when only the first `limitPerColumn` cards of each column were asked for. */
  complete: boolean;
  /** The newest event already reflected here: live updates resume after it. */
  lastEventId: number;
}

/**
 * The board of a project. With `limitPerColumn`, only the head of each column comes back
 * (with the full counts), so that a large board can be shown at once and completed after.
 */
export async function getBoard(app: App, input: { project: string; limitPerColumn?: number }): Promise<Board> {
  const store = app.database;
  const project = await requireProject(store, input.project);
  // Read before the cards: a change committed in between arrives again live (harmlessly).
  const lastEventId = await latestEventId(store, project.id);
  const stages = await listStages(store, project.id);
  const limit = input.limitPerColumn;
  const [items, facts, counts]: [BoardItem[], Awaited<ReturnType<typeof loadItemFacts>>, Map<string, number> | null] =
    await Promise.all([
      limit
        ? Promise.all(stages.map((stage) => listColumnHead(store, project.id, stage.key, limit))).then((heads) =>
            heads.flat(),
          )
        : listBoardItems(store, project.id),
      loadItemFacts(store, project.id),
      limit ? countByStage(store, project.id) : Promise.resolve(null),
    ]);
  const now = app.now();
  items.sort(comparePositions);
  const cards = items.map((item) =>
    toBoardCard(item, project.keyPrefix, facts.get(item.id) ?? NO_FACTS, project.requiredApprovals, now),
  );
  const counted = counts ?? new Map<string, number>();
  if (!counts) for (const card of cards) counted.set(card.stage, (counted.get(card.stage) ?? 0) + 1);
  const columns = stages.map((stage) => {
    const count = counted.get(stage.key) ?? 0;
    return { ...stage, count, wip: wipState(count, stage.wipLimit) };
  });
  // A head that holds every card is the whole board.
  const complete = !limit || columns.every((column) => column.count <= limit);
  return { project, columns, cards, complete, lastEventId };
}
