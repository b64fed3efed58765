import type { Store } from "../../db/client";
import { loadItemFacts } from "../../db/repositories/facts";
import { findProjectById } from "../../db/repositories/projects";
import type { ItemRecord } from "../../db/repositories/items";
import { toBoardCard, type BoardCard } from "../../domain/funnel/card";
import { NO_FACTS } from "../../domain/delivery/item-facts";

/** The board's view of one card, with its badges loaded fresh. */
export async function loadCard(store: Store, item: ItemRecord, now: Date): Promise<BoardCard> {
  const project = await findProjectById(store, item.projectId);
  const facts = await loadItemFacts(store, item.projectId, item.id);
  return toBoardCard(
    item,
    project?.keyPrefix ?? "",
    facts.get(item.id) ?? NO_FACTS,
    project?.requiredApprovals ?? 1,
    now,
  );
}
