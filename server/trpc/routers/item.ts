import { z } from "zod";
import { exact, strict } from "../../contracts/common";
import {
  archiveInput,
  archivedCardSchema,
  boardCardSchema,
  createItemInput,
  itemDetailSchema,
  itemRef,
  moveItemInput,
  rejectItemInput,
  updateItemInput,
} from "../../contracts/item";
import { rejectItem, restoreItem } from "../../services/archive-item";
import { createItem } from "../../services/create-item";
import { getItem } from "../../services/get-item";
import { listArchive } from "../../services/list-archive";
import { moveItem } from "../../services/move-item";
import { updateItem } from "../../services/update-item";
import { memberProcedure, procedureFor, router, viewerProcedure } from "../init";

const onItem = (role: "viewer" | "member") => procedureFor(role, "item");

export const itemRouter = router({
  get: onItem("viewer")
    .input(strict(itemRef))
    .output(exact<Awaited<ReturnType<typeof getItem>>>()(itemDetailSchema))
    .query(({ ctx, input }) => getItem(ctx.app, input)),
  archive: viewerProcedure
    .input(strict(archiveInput))
    .output(exact<Awaited<ReturnType<typeof listArchive>>>()(z.array(archivedCardSchema)))
    .query(({ ctx, input }) => listArchive(ctx.app, input)),
  create: memberProcedure
    .input(strict(createItemInput))
    .output(exact<Awaited<ReturnType<typeof createItem>>>()(boardCardSchema))
    .mutation(({ ctx, input }) => createItem(ctx.app, ctx.actor, input)),
  move: onItem("member")
    .input(strict(moveItemInput))
    .output(boardCardSchema)
    .mutation(({ ctx, input }) => moveItem(ctx.app, ctx.actor, input)),
  update: onItem("member")
    .input(strict(updateItemInput))
    .output(boardCardSchema)
    .mutation(({ ctx, input }) => updateItem(ctx.app, ctx.actor, input)),
  reject: onItem("member")
    .input(strict(rejectItemInput))
    .output(boardCardSchema)
    .mutation(({ ctx, input }) => rejectItem(ctx.app, ctx.actor, input)),
  restore: onItem("member")
    .input(strict(itemRef))
    .output(boardCardSchema)
    .mutation(({ ctx, input }) => restoreItem(ctx.app, ctx.actor, input)),
});
