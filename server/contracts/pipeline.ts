import { z } from "zod";

/** The Pipeline page: recent builds and test runs, pass rates and the flakiest tests. */
export const pipelineView = z.object({
  builds: z.array(
    z.object({
      id: z.number(),
      buildId: z.string(),
      commitSha: z.string(),
      branch: z.string(),
      status: z.enum(["queued", "running", "passed", "failed", "cancelled"]),
      url: z.string().nullable(),
      testsPassed: z.number().nullable(),
      testsFailed: z.number().nullable(),
      startedAt: z.date().nullable(),
      finishedAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
  runs: z.array(
    z.object({
      id: z.number(),
      suite: z.string(),
      commitSha: z.string().nullable(),
      buildId: z.string().nullable(),
      deploymentId: z.number().nullable(),
      passed: z.number(),
      failed: z.number(),
      skipped: z.number(),
      flaky: z.number(),
      durationMs: z.number(),
      createdAt: z.date(),
    }),
  ),
  buildPassRate: z.number().nullable(),
  suites: z.array(z.object({ suite: z.string(), runs: z.number(), passRate: z.number() })),
  flaky: z.array(
    z.object({
      name: z.string(),
      className: z.string().nullable(),
      suite: z.string(),
      flaky: z.number(),
      runs: z.number(),
    }),
  ),
});
