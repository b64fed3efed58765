import { z } from "zod";
import { MAX_ID } from "../contracts/common";
import type { App } from "../app";
import { authorizeProject, authorizeThing, readableProjects } from "./authorize";
import { createItem } from "../services/create-item";
import { getBoard } from "../services/get-board";
import { loadCard } from "../services/cards";
import { itemNotFound, requireItem } from "../services/lookups";
import type { BoardCard } from "../../domain/funnel/card";
import { findItem, type ItemRecord } from "../../db/repositories/items";
import { moveItemWithRecord } from "../services/move-item";
import { createItemInput, moveItemInput } from "../contracts/item";
import { parse, readObject, respond } from "./respond";

/** The REST API's item handlers: the same services as the UI, shaped for scripts. */

const idParam = z.coerce.number().int().positive().max(MAX_ID, "no row has an id this large");

/** The REST shape of an item: the board card plus the stored fields a script may want. */
function itemJson(card: BoardCard, item: ItemRecord) {
  return {
    ...card,
    description: item.description,
    stageEnteredAt: item.stageEnteredAt,
    rejectedReason: item.rejectedReason,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

async function itemResponse(app: App, card: BoardCard, init?: ResponseInit) {
  return Response.json(itemJson(card, await requireItem(app.database, card.id)), init);
}

/** Handlers use the process's app; tests pass their own. */
type AppSource = () => Promise<App>;

export function listProjectsHandler(req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    return Response.json({ projects: await readableProjects(app, req) });
  });
}

export function listItemsHandler(project: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    await authorizeProject(app, req, project, "items:read");
    const url = new URL(req.url);
    const board = await getBoard(app, { project });
    const stage = url.searchParams.get("stage");
    const items = stage ? board.cards.filter((card) => card.stage === stage) : board.cards;
    return Response.json({ items });
  });
}

export function createItemHandler(project: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const { actor } = await authorizeProject(app, req, project, "items:write");
    const input = parse(createItemInput, { ...(await readObject(req)), project });
    const card = await createItem(app, actor, input);
    return itemResponse(app, card, { status: 201, headers: { Location: `/api/v1/items/${card.id}` } });
  });
}

export function getItemHandler(id: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const itemId = parse(idParam, id);
    const { thing: item } = await authorizeThing(
      app,
      req,
      "items:read",
      () => findItem(app.database, itemId),
      () => itemNotFound(itemId),
    );
    return Response.json(itemJson(await loadCard(app.database, item, app.now()), item));
  });
}

export function moveItemHandler(id: string, req: Request, appSource: AppSource) {
  return respond(async () => {
    const app = await appSource();
    const itemId = parse(idParam, id);
    const { actor } = await authorizeThing(
      app,
      req,
      "items:write",
      () => findItem(app.database, itemId),
      () => itemNotFound(itemId),
    );
    const input = parse(moveItemInput, { ...(await readObject(req)), id: itemId });
    const moved = await moveItemWithRecord(app, actor, input);
    return Response.json(itemJson(moved.card, moved.item));
  });
}
