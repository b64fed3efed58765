import { exact, strict } from "../../contracts/common";
import * as contract from "../../contracts/metrics";
import {
  doraMetric,
  flowMetric,
  funnelMetric,
  leadTimeMetric,
  metricCards,
  pipelineMetric,
} from "../../services/get-metrics";
import { router, viewerProcedure } from "../init";

type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export const metricsRouter = router({
  funnel: viewerProcedure
    .input(strict(contract.metricsInput))
    .output(exact<Out<typeof funnelMetric>>()(contract.funnelMetric))
    .query(({ ctx, input }) => funnelMetric(ctx.app, input)),
  flow: viewerProcedure
    .input(strict(contract.metricsInput))
    .output(exact<Out<typeof flowMetric>>()(contract.flowMetric))
    .query(({ ctx, input }) => flowMetric(ctx.app, input)),
  leadTime: viewerProcedure
    .input(strict(contract.metricsInput))
    .output(exact<Out<typeof leadTimeMetric>>()(contract.leadTimeMetric))
    .query(({ ctx, input }) => leadTimeMetric(ctx.app, input)),
  dora: viewerProcedure
    .input(strict(contract.doraInput))
    .output(exact<Out<typeof doraMetric>>()(contract.doraMetric))
    .query(({ ctx, input }) => doraMetric(ctx.app, input)),
  /** The cards behind a bar of a chart, to open from it. */
  cards: viewerProcedure
    .input(strict(contract.metricCardsInput))
    .output(exact<Out<typeof metricCards>>()(contract.metricCards))
    .query(({ ctx, input }) => metricCards(ctx.app, input)),
  pipeline: viewerProcedure
    .input(strict(contract.metricsInput))
    .output(exact<Out<typeof pipelineMetric>>()(contract.pipelineMetric))
    .query(({ ctx, input }) => pipelineMetric(ctx.app, input)),
});
