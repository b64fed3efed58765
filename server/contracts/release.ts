import { z } from "zod";
import { deploymentPhase, deploymentPurpose, deploymentStatus, id, projectRef, stepStatus } from "./common";
import { environmentSettingsView } from "./environment";

const reason = z.string().trim().max(2000).nullish();
const environmentName = z.string().min(1).max(100);

export const releaseRef = z.object({ releaseId: id });
export const deploymentRef = z.object({ id });
export const deployInput = releaseRef.extend({ environment: environmentName });
/** A promotion; `force` (admins, with a reason) takes it past every gate, audited and shown as forced. */
export const promoteInput = releaseRef.extend({ reason, force: z.boolean().optional() });
export const rollbackInput = projectRef.extend({ environment: environmentName, reason });
export const signOffQaInput = z.object({ id, note: z.string().max(2000).nullish() });

export const queuedDeployment = z.object({ deploymentId: z.number() });
export const releaseOfItem = z.object({ id: z.number(), version: z.string() }).nullable();

const alertView = z.object({
  id: z.number(),
  name: z.string(),
  severity: z.string(),
  status: z.string(),
  startsAt: z.date(),
  endsAt: z.date().nullable(),
  summary: z.string(),
});

const promotionGate = z.enum(["alerts", "deployed", "verified", "qa", "line", "freeze", "pinned"]);
const promotionCheckRow = z.object({ gate: promotionGate, ok: z.boolean(), detail: z.string() });

const environmentView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  strategy: z.enum(["in-place", "blue-green"]),
  activeSlot: z.string().nullable(),
  status: z.enum(["failed", "provisioning", "ready"]),
  provisionLog: z.string(),
  settings: environmentSettingsView,
  serving: z.object({ deploymentId: z.number(), version: z.string().nullable() }).nullable(),
  slots: z.array(
    z.object({
      slot: z.enum(["blue", "green"]),
      active: z.boolean(),
      deploymentId: z.number().nullable(),
      version: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  schedule: z.object({ next: z.date().nullable(), cron: z.string(), timezone: z.string().nullable() }).nullable(),
  firingAlerts: z.array(alertView),
});

const cellDeployment = z.object({
  id: z.number(),
  status: deploymentStatus,
  phase: deploymentPhase.nullable(),
  purpose: deploymentPurpose,
  verification: stepStatus.nullable(),
  regression: z.object({ passed: z.number(), failed: z.number() }).nullable(),
  slot: z.string().nullable(),
  by: z.string(),
  queuedAt: z.date(),
  finishedAt: z.date().nullable(),
  error: z.string().nullable(),
  serving: z.boolean(),
  active: z.boolean(),
  forced: z.string().nullable(),
});

const releaseView = z.object({
  id: z.number(),
  version: z.string(),
  commitSha: z.string(),
  createdAt: z.date(),
  pinned: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.number(),
      key: z.string(),
      title: z.string(),
      stage: z.string(),
      needsManualQa: z.boolean(),
      qaSignedOffBy: z.string().nullable(),
      qaSignedOffAt: z.date().nullable(),
    }),
  ),
  cells: z.array(
    z.union([
      z.object({ environment: z.string(), deployment: z.null() }),
      z.object({ environment: z.string(), deployment: cellDeployment }),
    ]),
  ),
  alerts: z.array(alertView),
  promotion: z
    .object({ allowed: z.boolean(), reasons: z.array(z.string()), checks: z.array(promotionCheckRow) })
    .nullable(),
});

/** The Releases page: environments with their slots, releases × environments, and the release policy. */
export const releasesOverview = z.object({
  project: z.object({ slug: z.string(), name: z.string() }),
  environments: z.array(environmentView),
  releases: z.array(releaseView),
  policy: z.object({
    autoPromote: z.boolean(),
    lineStopped: z.object({ at: z.date(), by: z.string().nullable(), reason: z.string().nullable() }).nullable(),
    freezeWindows: z.array(
      z.object({
        cron: z.string(),
        durationMinutes: z.number(),
        timezone: z.string().optional(),
        note: z.string().optional(),
      }),
    ),
    freezeNow: z.object({ note: z.string().nullable(), endsAt: z.date() }).nullable(),
    alertEnvironmentLabels: z.array(z.string()),
  }),
});

/** One deployment's page: its state, live log, regression results, cards and events. */
export const deploymentDetail = z.object({
  id: z.number(),
  project: z.string(),
  release: z.object({ id: z.number(), version: z.string() }),
  environment: z.string(),
  slot: z.string().nullable(),
  purpose: deploymentPurpose,
  status: deploymentStatus,
  phase: deploymentPhase.nullable(),
  verifyStatus: stepStatus.nullable(),
  switchStatus: stepStatus.nullable(),
  error: z.string().nullable(),
  triggeredBy: z.string(),
  queuedAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  serving: z.boolean(),
  log: z.string(),
  logTruncated: z.boolean(),
  testRuns: z.array(
    z.object({
      id: z.number(),
      suite: z.string(),
      passed: z.number(),
      failed: z.number(),
      skipped: z.number(),
      flaky: z.number(),
      durationMs: z.number(),
      createdAt: z.date(),
    }),
  ),
  failingTests: z.array(z.string()),
  items: z.array(z.object({ id: z.number(), key: z.string(), title: z.string(), stage: z.string() })),
  events: z.array(
    z.object({
      id: z.number(),
      type: z.string(),
      actor: z.string(),
      at: z.date(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** What a promotion of this release would meet: the facts its gates read and their verdict. */
export const promotionCheck = z.object({
  release: z.object({ id: z.number(), version: z.string() }),
  environment: z.string().nullable(),
  facts: z.object({
    version: z.string(),
    test: z
      .object({
        environment: z.string(),
        status: z.string(),
        verification: stepStatus.nullable(),
        failingTests: z.array(z.string()),
      })
      .nullable(),
    items: z.array(
      z.object({ key: z.string(), title: z.string(), needsManualQa: z.boolean(), qaSignedOff: z.boolean() }),
    ),
    criticalAlerts: z.array(z.object({ name: z.string(), environment: z.string() })),
    live: z.boolean(),
    promoting: z.boolean(),
    pinned: z.object({ reason: z.string() }).nullable(),
    lineStopped: z.object({ by: z.string(), reason: z.string() }).nullable(),
    freeze: z.object({ note: z.string().nullable(), endsAt: z.date() }).nullable(),
  }),
  decision: z.object({
    allowed: z.boolean(),
    checks: z.array(promotionCheckRow),
    reasons: z.array(z.string()),
    overridden: z.array(z.string()),
  }),
});

export const rollbackRef = projectRef.extend({ environment: environmentName });

/** What a rollback does, named before it runs: where it goes back to, with which cards, and how. */
export const rollbackPreview = z.object({
  environment: z.string(),
  current: z.object({ releaseId: z.number(), version: z.string() }),
  target: z.object({
    releaseId: z.number(),
    version: z.string(),
    cards: z.array(z.object({ id: z.number(), key: z.string(), title: z.string() })),
    liveUntil: z.date(),
  }),
  how: z.enum(["switch", "redeploy"]),
  slot: z.string().nullable(),
});
export const rollbackQueued = rollbackPreview.extend({ deploymentId: z.number() });
