import { z } from "zod";
import { STAGE_KEYS } from "../../domain/funnel/stages";
import { deploymentStatus, id, projectRef, text } from "./common";
import { eventSchema } from "./event";

export const itemRef = z.object({ id });

export const createItemInput = z.object({
  project: z.string().min(1).max(100),
  title: z.string().max(10_000),
  kind: z.enum(["idea", "story"]).optional(),
  stage: z.string().max(40).optional(),
  description: text(20_000).optional(),
  owner: text(200).nullish(),
  labels: z.array(text(200)).max(50).optional(),
  estimate: z.number().int().min(0).max(1000).nullish(),
  needsManualQa: z.boolean().optional(),
});

export const moveItemInput = z.object({
  id,
  toStage: z.string().max(40),
  expectedVersion: id.optional(),
  reason: text(2000).nullish(),
  force: z.boolean().optional(),
  afterId: id.nullish(),
  beforeId: id.nullish(),
});

export const updateItemInput = z.object({
  id,
  expectedVersion: id.optional(),
  title: z.string().max(10_000).optional(),
  description: z.string().max(100_000).optional(),
  owner: text(200).nullish(),
  labels: z.array(text(200)).max(50).optional(),
  estimate: z.number().int().min(0).max(1000).nullish(),
  needsManualQa: z.boolean().optional(),
  blocked: z.boolean().optional(),
  blockedReason: text(2000).nullish(),
});

export const rejectItemInput = z.object({
  id,
  reason: text(2000),
  expectedVersion: id.optional(),
});

export const archiveInput = projectRef.extend({ q: z.string().max(200).optional() });

const stage = z.enum([...STAGE_KEYS, "rejected"]);

export const cardBadgesSchema = z.object({
  pr: z
    .object({
      number: z.number(),
      state: z.enum(["open", "closed", "merged"]),
      approvals: z.number(),
      required: z.number(),
      changesRequested: z.boolean(),
      checks: z.enum(["none", "pending", "passed", "failed"]),
      goodToMerge: z.boolean(),
    })
    .nullable(),
  build: z
    .object({ status: z.enum(["queued", "running", "passed", "failed", "cancelled"]), url: z.string().nullable() })
    .nullable(),
  release: z.object({ version: z.string() }).nullable(),
  tests: z.object({ passed: z.number(), failed: z.number(), source: z.enum(["build", "regression"]) }).nullable(),
  deployment: z.object({ environment: z.string(), status: deploymentStatus }).nullable(),
});

export const boardCardSchema = z.object({
  id: z.number(),
  key: z.string(),
  kind: z.enum(["idea", "story"]),
  title: z.string(),
  owner: z.string().nullable(),
  labels: z.array(z.string()),
  estimate: z.number().nullable(),
  stage,
  position: z.string(),
  version: z.number(),
  blocked: z.boolean(),
  blockedReason: z.string().nullable(),
  needsManualQa: z.boolean(),
  ageDays: z.number(),
  ageing: z.boolean(),
  badges: cardBadgesSchema,
});

const reviewState = z.enum(["approved", "changes_requested", "commented", "dismissed"]);
export const itemFactsSchema = z.object({
  pullRequests: z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      url: z.string().nullable(),
      state: z.enum(["open", "closed", "merged"]),
      checks: z.enum(["none", "pending", "passed", "failed"]),
      headSha: z.string().nullable(),
      mergeCommitSha: z.string().nullable(),
      mergeable: z.boolean().nullable(),
      reviews: z.array(z.object({ reviewer: z.string(), state: reviewState, at: z.date() })),
    }),
  ),
  builds: z.array(
    z.object({
      buildId: z.string(),
      status: z.enum(["queued", "running", "passed", "failed", "cancelled"]),
      url: z.string().nullable(),
      commitSha: z.string(),
      testsPassed: z.number().nullable(),
      testsFailed: z.number().nullable(),
      startedAt: z.date().nullable(),
      finishedAt: z.date().nullable(),
      at: z.date(),
      failingTests: z.array(z.string()),
    }),
  ),
  commits: z.array(
    z.object({
      sha: z.string(),
      message: z.string(),
      author: z.string().nullable(),
      branch: z.string().nullable(),
      at: z.date(),
    }),
  ),
  releases: z.array(
    z.object({
      version: z.string(),
      createdAt: z.date(),
      deployments: z.array(
        z.object({
          environment: z.string(),
          environmentKind: z.string(),
          slot: z.string().nullable(),
          status: deploymentStatus,
          at: z.date(),
          regression: z.object({ passed: z.number(), failed: z.number() }).nullable(),
          verifyStatus: z.enum(["running", "passed", "failed"]).nullable(),
          serving: z.boolean(),
        }),
      ),
    }),
  ),
});

export const itemDetailSchema = z.object({
  card: boardCardSchema,
  description: z.string(),
  stageEnteredAt: z.date(),
  projectId: z.number(),
  qaSignedOffBy: z.string().nullable(),
  qaSignedOffAt: z.date().nullable(),
  qaSignOffNote: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  rejectedFromStage: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  facts: itemFactsSchema,
  intervals: z.array(z.object({ stage: z.string(), enteredAt: z.date(), leftAt: z.date().nullable() })),
  history: z.array(eventSchema),
});

export const archivedCardSchema = z.object({
  id: z.number(),
  key: z.string(),
  title: z.string(),
  kind: z.enum(["idea", "story"]),
  owner: z.string().nullable(),
  labels: z.array(z.string()),
  rejectedReason: z.string().nullable(),
  rejectedFromStage: z.string().nullable(),
  rejectedAt: z.date(),
});
