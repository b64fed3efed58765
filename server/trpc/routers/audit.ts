import { z } from "zod";
import { projectRef } from "../../http/schemas";
import { getAudit } from "../../services/get-audit";
import { adminProcedure, router } from "../init";

export const auditRouter = router({
  list: adminProcedure
    .input(
      projectRef.extend({
        action: z.string().max(60).nullish(),
        actor: z.string().max(200).nullish(),
        from: z.string().max(10).nullish(),
        to: z.string().max(10).nullish(),
        beforeId: z.number().int().positive().nullish(),
        limit: z.number().int().min(1).max(10_000).optional(),
      }),
    )
    .query(({ ctx, input }) => getAudit(ctx.app, { ...input, includeAccess: !ctx.user || ctx.user.siteAdmin })),
});
