import { stringify } from "csv-stringify/sync";
import { exportCards, exportEvents } from "../../db/repositories/exports";
import { itemKey } from "../../domain/funnel/item";
import type { App } from "../app";
import { requireProject } from "./lookups";

const iso = (value: Date | string | number | null) => (value === null ? null : new Date(value).toISOString());

/**
 * Everything a project's cards hold, to take out: JSON with every card, its history and where it
 * came from, or CSV with one row per card (key, title, stage, owner, labels, estimate, created,
 * reached Live).
 */
export async function exportProject(app: App, input: { project: string; format: "json" | "csv" }) {
  const project = await requireProject(app.database, input.project);
  const cards = await exportCards(app.database, project.id);
  const stageOf = (stage: string) => (stage === "rejected" ? "archived" : stage);
  if (input.format === "csv") {
    const rows = cards.map((card) => [
      itemKey(project.keyPrefix, card.number),
      card.title,
      stageOf(card.stage),
      card.owner ?? "",
      card.labels.join(", "),
      card.estimate ?? "",
      iso(card.createdAt),
      iso(card.liveAt) ?? "",
    ]);
    return stringify([["Key", "Title", "Stage", "Owner", "Labels", "Estimate", "Created", "Reached Live"], ...rows]);
  }
  const events = await exportEvents(app.database, project.id);
  const historyOf = new Map<number, { type: string; actor: string; at: string | null; payload: unknown }[]>();
  for (const event of events)
    (historyOf.get(event.itemId!) ?? historyOf.set(event.itemId!, []).get(event.itemId!)!).push({
      type: event.type,
      actor: event.actor,
      at: iso(event.at),
      payload: event.payload,
    });
  return {
    format: "shiplane-export/1",
    exportedAt: app.now().toISOString(),
    project: { name: project.name, slug: project.slug, keyPrefix: project.keyPrefix },
    cards: cards.map((card) => ({
      key: itemKey(project.keyPrefix, card.number),
      kind: card.kind,
      title: card.title,
      description: card.description,
      stage: stageOf(card.stage),
      owner: card.owner,
      labels: card.labels,
      estimate: card.estimate,
      blocked: card.blocked,
      blockedReason: card.blockedReason,
      rejectedReason: card.rejectedReason,
      source: card.source,
      createdAt: iso(card.createdAt),
      reachedLiveAt: iso(card.liveAt),
      history: historyOf.get(card.id) ?? [],
    })),
  };
}
