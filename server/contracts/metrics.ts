import { z } from "zod";
import { STAGE_KEYS } from "../../domain/funnel/stages";
import { deploymentPurpose, deploymentStatus, projectRef } from "./common";

const stage = z.enum(STAGE_KEYS);
const range = z.object({ from: z.date(), to: z.date() });
const percentiles = {
  count: z.number(),
  p50: z.number().nullable(),
  p85: z.number().nullable(),
  p95: z.number().nullable(),
};
const distribution = z.object({
  distribution: z.array(z.object({ bucket: z.string(), count: z.number() })),
  ...percentiles,
});
const band = z.enum(["elite", "high", "medium", "low"]);
const doraFigures = z.object({
  deployments: z.number(),
  deploymentsPerDay: z.number(),
  leadTimeMs: z.number().nullable(),
  changeFailureRate: z.number().nullable(),
  recoveryMs: z.number().nullable(),
  failed: z.array(z.object({ deploymentId: z.number(), cause: z.string() })),
});

export const metricsInput = projectRef.extend({ from: z.string().max(40).nullish(), to: z.string().max(40).nullish() });
export const doraInput = metricsInput.extend({
  windowHours: z
    .number()
    .int("whole hours")
    .min(1, "at least 1 hour")
    .max(720, "at most 30 days (720 hours)")
    .nullish(),
});

/** Which figure's cards: a funnel bar (a stage, and its entries or those that went on) or a week of throughput. */
export const metricCardsInput = metricsInput.extend({
  series: z.enum(["entered", "reachedNext", "live"]).optional(),
  stage: stage.nullish(),
  week: z.string().max(10).nullish(),
});
export const metricCards = z.object({
  total: z.number(),
  cards: z.array(z.object({ id: z.number(), key: z.string(), title: z.string(), stage: z.string() })),
});

export const funnelMetric = z.object({
  stages: z.array(
    z.object({
      stage,
      entered: z.number(),
      reachedNext: z.number(),
      conversion: z.number().nullable(),
      rejected: z.number(),
      sentBack: z.number(),
    }),
  ),
  ideaToStory: z.number().nullable(),
  storyToLive: z.number().nullable(),
  range,
});

export const flowMetric = z.object({
  range,
  cumulativeFlow: z.array(
    z.object({
      idea: z.number(),
      story: z.number(),
      code: z.number(),
      build: z.number(),
      test: z.number(),
      live: z.number(),
      date: z.string(),
    }),
  ),
  throughput: z.array(z.object({ week: z.string(), items: z.number() })),
});

export const leadTimeMetric = z.object({
  range,
  finished: z.number(),
  leadTime: distribution,
  storyLeadTime: distribution,
  cycleTime: distribution,
  timeInStage: z.array(z.object({ ...percentiles, stage })),
  longest: z.array(
    z.object({ id: z.number(), key: z.string(), title: z.string(), leadTimeMs: z.number(), liveAt: z.date() }),
  ),
});

export const doraMetric = z.object({
  range,
  windowHours: z.number(),
  current: doraFigures.nullable(),
  previous: doraFigures.nullable(),
  bands: z
    .object({
      deploymentFrequency: band,
      leadTime: band.nullable(),
      changeFailureRate: band.nullable(),
      recovery: band.nullable(),
    })
    .nullable(),
  bandDefinitions: z.object({
    deploymentFrequency: z.string(),
    leadTime: z.string(),
    changeFailureRate: z.string(),
    recovery: z.string(),
  }),
});

export const pipelineMetric = z.object({
  range,
  buildPassRate: z.number().nullable(),
  builds: z.number(),
  suites: z.array(z.object({ suite: z.string(), runs: z.number(), passRate: z.number().nullable() })),
  flaky: z.array(
    z.object({
      flaky: z.number(),
      runs: z.number(),
      name: z.string(),
      className: z.string().nullable(),
      suite: z.string(),
    }),
  ),
  deploymentDurations: z.array(z.object({ ...percentiles, environment: z.string() })),
  timeline: z.object({
    deployments: z.array(
      z.object({
        durationMs: z.number(),
        id: z.number(),
        environment: z.string(),
        version: z.string(),
        purpose: deploymentPurpose,
        status: deploymentStatus,
        startedAt: z.date().nullable(),
        finishedAt: z.date().nullable(),
      }),
    ),
    alerts: z.array(
      z.object({
        environment: z.string(),
        name: z.string(),
        severity: z.string(),
        status: z.string(),
        startsAt: z.date(),
        endsAt: z.date().nullable(),
      }),
    ),
  }),
});
