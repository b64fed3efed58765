import type { Store } from "../../db/client";
import { insertMany } from "../../db/repositories/bulk";
import { findItemsBySource } from "../../db/repositories/imports";
import { lastPosition, updateItemVersioned } from "../../db/repositories/items";
import { takeItemNumbers } from "../../db/repositories/projects";
import type { Actor } from "../../domain/access/actor";
import { positionsFor } from "../../domain/funnel/ordering";
import { STAGE_KEYS } from "../../domain/funnel/stages";
import type { ImportedCard, ImportPlan } from "../../domain/import/plan";
import type { App } from "../app";
import { intervalRows, type Walk } from "../../domain/funnel/stays";
import { changeProject } from "../unit-of-work";
import { requireProject } from "./lookups";

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  perStage: Record<(typeof STAGE_KEYS)[number] | "archived", number>;
  skipped: Record<string, number>;
  history: { moves: number; comments: number; partial: boolean };
  warnings: string[];
  /** Trello: each open list, its stage and how many cards it holds (the mapping to confirm). */
  lists: { id: string; name: string; stage: string; cards: number }[];
}

const FIELDS = ["title", "description", "owner", "labels", "estimate", "blocked", "blockedReason"] as const;

/** A card's stays, from the stage it was created in through each move. */
const walkOf = (card: ImportedCard): Walk => ({
  created: card.createdAt,
  kind: card.kind,
  stays: [
    { stage: card.createdIn, enteredAt: card.createdAt, leftAt: card.moves[0]?.at ?? null },
    ...card.moves.map((move, i) => ({ stage: move.to, enteredAt: move.at, leftAt: card.moves[i + 1]?.at ?? null })),
  ],
});

/** The report of a plan before it meets a project: every card new (an import into a new project). */
export function reportOf(plan: ImportPlan, dryRun: boolean): ImportReport {
  const perStage = Object.fromEntries([...STAGE_KEYS, "archived"].map((s) => [s, 0])) as ImportReport["perStage"];
  for (const card of plan.cards) perStage[card.stage === "rejected" ? "archived" : card.stage] += 1;
  return {
    dryRun,
    created: plan.cards.length,
    updated: 0,
    unchanged: 0,
    perStage,
    skipped: plan.skipped,
    history: {
      moves: plan.cards.reduce((n, c) => n + c.moves.length, 0),
      comments: plan.cards.reduce((n, c) => n + c.comments.length, 0),
      partial: plan.partialHistory,
    },
    warnings: plan.warnings,
    lists: plan.lists ?? [],
  };
}

/**
 * Writes an import plan into a project, all or nothing: new cards where their history put them,
 * with a stage interval per stay and an event per creation, move and comment at their own dates
 * (so the metrics have the past); cards imported before (by source) get their changed fields and
 * stay where they are in Shiplane. A dry run reports the same and writes nothing.
 */
export async function importCards(
  app: App,
  actor: Actor,
  input: { project: string; plan: ImportPlan; dryRun?: boolean },
): Promise<ImportReport> {
  const { plan } = input;
  const project = await requireProject(app.database, input.project);
  const report = reportOf(plan, Boolean(input.dryRun));
  const write = async (store: Store, record?: Parameters<Parameters<typeof changeProject>[2]>[1]) => {
    const known = await findItemsBySource(
      store,
      project.id,
      plan.cards.map((c) => c.source),
    );
    const fresh: ImportedCard[] = [];
    for (const card of plan.cards) {
      const before = known.get(card.source);
      if (!before) {
        fresh.push(card);
        continue;
      }
      const patch = Object.fromEntries(
        FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(card[f])).map((f) => [f, card[f]]),
      );
      if (Object.keys(patch).length === 0) report.unchanged += 1;
      else {
        report.updated += 1;
        if (record) {
          await updateItemVersioned(store, before.id, before.version, { ...patch, updatedAt: app.now() });
          await record({
            itemId: before.id,
            type: "item.updated",
            actor: actor.id,
            payload: { imported: plan.source, fields: Object.keys(patch) },
          });
        }
      }
    }
    report.created = fresh.length;
    if (!record || fresh.length === 0) return;
    // New cards go after what each column holds, in the order of the import.
    const positions = new Map<string, string[]>();
    for (const stage of [...STAGE_KEYS, "rejected"]) {
      const count = fresh.filter((c) => c.stage === stage).length;
      if (count) positions.set(stage, positionsFor(count, await lastPosition(store, project.id, stage)));
    }
    const first = await takeItemNumbers(store, project.id, fresh.length);
    const ids = await insertMany(
      store,
      "workItems",
      fresh.map((card, i) => {
        const enteredAt = card.moves.at(-1)?.at ?? card.createdAt;
        return {
          projectId: project.id,
          number: first + i,
          kind: card.kind,
          title: card.title,
          description: card.description,
          owner: card.owner,
          labels: card.labels,
          estimate: card.estimate,
          stage: card.stage,
          position: positions.get(card.stage)!.shift()!,
          blocked: card.blocked,
          blockedReason: card.blockedReason,
          rejectedReason: card.stage === "rejected" ? card.note : null,
          rejectedFromStage: card.stage === "rejected" ? (card.moves.at(-1)?.from ?? card.createdIn) : null,
          source: card.source,
          stageEnteredAt: enteredAt,
          createdAt: card.createdAt,
          updatedAt: enteredAt,
        };
      }),
      true,
    );
    await insertMany(store, "stageIntervals", intervalRows(fresh.map(walkOf), ids, project.id));
    const by = (who: string | null) => (who ? `${plan.source}:${who}` : `integration:${plan.source}`);
    await insertMany(
      store,
      "events",
      fresh
        .flatMap((card, i) => [
          {
            itemId: ids[i],
            type: "item.created",
            actor: by(null),
            at: card.createdAt,
            payload: { stage: card.createdIn, imported: plan.source },
          },
          ...card.moves.map((m) => ({
            itemId: ids[i],
            type: m.to === "rejected" ? "item.rejected" : "item.moved",
            actor: by(m.actor),
            at: m.at,
            payload: {
              from: m.from,
              to: m.to,
              imported: plan.source,
              ...(m.to === "rejected" ? { reason: card.note } : {}),
            },
          })),
          ...card.comments.map((c) => ({
            itemId: ids[i],
            type: "item.commented",
            actor: by(c.author),
            at: c.at,
            payload: { text: c.text, author: c.author, imported: plan.source },
          })),
        ])
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map((event) => ({ projectId: project.id, ...event })),
    );
    // Who imported what, for the audit.
    await record({
      itemId: null,
      type: "project.imported",
      actor: actor.id,
      payload: { source: plan.source, name: plan.name, created: report.created, updated: report.updated },
    });
  };
  if (input.dryRun) await write(app.database);
  else await changeProject(app, project.id, (store, record) => write(store, record));
  return report;
}
