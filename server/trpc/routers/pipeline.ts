import { exact, projectRef, strict } from "../../contracts/common";
import { pipelineView } from "../../contracts/pipeline";
import { getPipeline } from "../../services/get-pipeline";
import { router, viewerProcedure } from "../init";

export const pipelineRouter = router({
  get: viewerProcedure
    .input(strict(projectRef))
    .output(exact<Awaited<ReturnType<typeof getPipeline>>>()(pipelineView))
    .query(({ ctx, input }) => getPipeline(ctx.app, input)),
});
