import { DomainError } from "../../domain/errors";
import { setQaSignOff } from "../../db/repositories/items";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { requireActiveItem } from "./lookups";

/** A release manager signs off a card's manual QA (who, when, a note); promotion waits for it. */
export async function signOffQa(app: App, actor: Actor, input: { id: number; note?: string | null }): Promise<void> {
  const item = await requireActiveItem(app.database, input.id);
  if (!item.needsManualQa)
    throw new DomainError(
      "VALIDATION",
      'This card does not need manual QA: mark it "needs manual QA" first if it does.',
      { field: "id" },
    );
  const note = input.note?.trim() || null;
  await changeProject(app, item.projectId, async (store, record) => {
    await setQaSignOff(store, item.id, { by: actor.id, at: app.now(), note });
    await record({ itemId: item.id, type: "qa.signed_off", actor: actor.id, payload: note ? { note } : {} });
  });
  app.runner.kick();
}
