import { z } from "zod";
import {
  archivedCardSchema,
  boardCardSchema,
  createItemInput,
  itemDetailSchema,
  itemRef,
  moveItemInput,
  projectRef,
  rejectItemInput,
  updateItemInput,
} from "../../http/schemas";
import { rejectItem, restoreItem } from "../../services/archive-item";
import { createItem } from "../../services/create-item";
import { getItem } from "../../services/get-item";
import { listArchive } from "../../services/list-archive";
import { moveItem } from "../../services/move-item";
import { updateItem } from "../../services/update-item";
import { memberProcedure, router, viewerProcedure } from "../init";

export const itemRouter = router({
  get: viewerProcedure.input(itemRef).output(itemDetailSchema).query(({ ctx, input }) => getItem(ctx.app, input)),
  archive: viewerProcedure
    .input(projectRef.extend({ q: z.string().max(200).optional() }))
    .output(z.array(archivedCardSchema))
    .query(({ ctx, input }) => listArchive(ctx.app, input)),
  create: memberProcedure.input(createItemInput).output(boardCardSchema).mutation(({ ctx, input }) => createItem(ctx.app, ctx.actor, input)),
  move: memberProcedure.input(moveItemInput).output(boardCardSchema).mutation(({ ctx, input }) => moveItem(ctx.app, ctx.actor, input)),
  update: memberProcedure.input(updateItemInput).output(boardCardSchema).mutation(({ ctx, input }) => updateItem(ctx.app, ctx.actor, input)),
  reject: memberProcedure.input(rejectItemInput).output(boardCardSchema).mutation(({ ctx, input }) => rejectItem(ctx.app, ctx.actor, input)),
  restore: memberProcedure.input(itemRef).output(boardCardSchema).mutation(({ ctx, input }) => restoreItem(ctx.app, ctx.actor, input)),
});
