import { auditInput, auditPage } from "../../contracts/audit";
import { exact, strict } from "../../contracts/common";
import { getAudit } from "../../services/get-audit";
import { adminProcedure, router } from "../init";

export const auditRouter = router({
  list: adminProcedure
    .input(strict(auditInput))
    .output(exact<Awaited<ReturnType<typeof getAudit>>>()(auditPage))
    .query(({ ctx, input }) => getAudit(ctx.app, { ...input, includeAccess: !ctx.user || ctx.user.siteAdmin })),
});
