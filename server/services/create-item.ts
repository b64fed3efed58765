import { DomainError } from "../../domain/errors";
import { normaliseLabels, normaliseOwner, normaliseTitle } from "../../domain/funnel/item";
import { positionBetween } from "../../domain/funnel/ordering";
import { isStageKey, STAGE_NAMES } from "../../domain/funnel/stages";
import type { BoardCard } from "../../domain/funnel/card";
import { insertItem, lastPosition, openInterval } from "../../db/repositories/items";
import { takeItemNumber } from "../../db/repositories/projects";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { loadCard } from "./cards";
import { requireProject } from "./lookups";

export interface CreateItemInput {
  project: string;
  title: string;
  kind?: "idea" | "story";
  stage?: string;
  description?: string;
  owner?: string | null;
  labels?: string[];
  estimate?: number | null;
  needsManualQa?: boolean;
}

/** Captures an idea (Idea column) or writes a story (Story column); cards enter later columns only through gates. */
export async function createItem(app: App, actor: Actor, input: CreateItemInput): Promise<BoardCard> {
  const kind = input.kind ?? (input.stage === "story" ? "story" : "idea");
  const stage = input.stage ?? kind;
  if (!isStageKey(stage)) {
    throw new DomainError("STAGE.UNKNOWN", `There is no stage "${stage}". New cards go to idea or story.`, { stage });
  }
  if (stage !== kind) {
    const hint = kind === "idea" ? "ideas start in Idea" : "stories start in Story";
    throw new DomainError(
      "VALIDATION",
      `A new ${kind} cannot start in ${STAGE_NAMES[stage]}: ${hint}; later columns are reached by moving it through their gates.`,
      {
        field: "stage",
      },
    );
  }
  const title = normaliseTitle(input.title);
  const labels = normaliseLabels(input.labels ?? []);
  const owner = normaliseOwner(input.owner);
  const description = (input.description ?? "").trim();
  const lookup = await requireProject(app.database, input.project);

  return changeProject(app, lookup.id, async (store, record) => {
    const now = app.now();
    const number = await takeItemNumber(store, lookup.id);
    const item = await insertItem(store, {
      projectId: lookup.id,
      number,
      kind,
      title,
      description,
      owner,
      labels,
      estimate: input.estimate ?? null,
      stage,
      position: positionBetween(await lastPosition(store, lookup.id, stage), null),
      needsManualQa: input.needsManualQa ?? false,
      stageEnteredAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await openInterval(store, lookup.id, item.id, stage, now);
    await record({ itemId: item.id, type: "item.created", actor: actor.id, payload: { kind, stage, title } });
    return loadCard(store, item, now);
  });
}
