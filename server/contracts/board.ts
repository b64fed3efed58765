import { z } from "zod";
import { STAGE_KEYS } from "../../domain/funnel/stages";
import { projectRef, trackedStream } from "./common";
import { boardCardSchema } from "./item";
import { projectSchema } from "./project";

export const boardInput = projectRef.extend({ limitPerColumn: z.number().int().min(1).max(1000).optional() });

export const boardSchema = z.object({
  project: projectSchema,
  columns: z.array(
    z.object({
      key: z.enum(STAGE_KEYS),
      name: z.string(),
      position: z.number(),
      wipLimit: z.number().nullable(),
      count: z.number(),
      wip: z.enum(["ok", "at-limit", "over-limit"]),
    }),
  ),
  cards: z.array(boardCardSchema),
  complete: z.boolean(),
  lastEventId: z.number(),
});

export const watchInput = projectRef.extend({
  lastEventId: z.string().max(40, "an event id, as the stream sent it").nullish(),
});

/** One change to the board, with the card as it is now (stage "rejected" when archived). */
export const boardChange = z.object({
  eventId: z.number(),
  type: z.string(),
  actor: z.string(),
  at: z.date(),
  itemId: z.number().nullable(),
  payload: z.record(z.string(), z.unknown()),
  card: boardCardSchema.nullable(),
});
export const boardChanges = trackedStream(boardChange);
