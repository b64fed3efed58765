import { z } from "zod";
import { projectRef } from "../../http/schemas";
import { doraMetric, flowMetric, funnelMetric, leadTimeMetric, pipelineMetric } from "../../services/get-metrics";
import { router, viewerProcedure } from "../init";

const range = projectRef.extend({ from: z.string().max(40).nullish(), to: z.string().max(40).nullish() });

export const metricsRouter = router({
  funnel: viewerProcedure.input(range).query(({ ctx, input }) => funnelMetric(ctx.app, input)),
  flow: viewerProcedure.input(range).query(({ ctx, input }) => flowMetric(ctx.app, input)),
  leadTime: viewerProcedure.input(range).query(({ ctx, input }) => leadTimeMetric(ctx.app, input)),
  dora: viewerProcedure
    .input(range.extend({ windowHours: z.number().nullish() }))
    .query(({ ctx, input }) => doraMetric(ctx.app, input)),
  pipeline: viewerProcedure.input(range).query(({ ctx, input }) => pipelineMetric(ctx.app, input)),
});
