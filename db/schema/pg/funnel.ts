import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { byteOrderedText, createdAt } from "./columns";
import type * as T from "../shared-types";

// Projects, their funnel, cards and event log, and what reaches them from outside (deliveries, tokens).
// Kept in step with ../sqlite/funnel.ts (db/schema/parity.ts checks it).

export const projects = pgTable("projects", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  repo: text("repo"),
  keyPrefix: text("key_prefix").notNull(),
  nextItemNumber: integer("next_item_number").notNull().default(1),
  requiredApprovals: integer("required_approvals").notNull().default(1),
  webhookSecret: text("webhook_secret"),
  githubToken: text("github_token"),
  autoPromote: boolean("auto_promote").notNull().default(false),
  lineStoppedAt: timestamp("line_stopped_at", { withTimezone: true, mode: "date" }),
  lineStoppedBy: text("line_stopped_by"),
  lineStoppedReason: text("line_stopped_reason"),
  alertEnvironmentLabel: text("alert_environment_label"),
  freezeWindows: jsonb("freeze_windows").$type<T.FreezeWindow[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const stages = pgTable(
  "stages",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    wipLimit: integer("wip_limit"),
  },
  (t) => [uniqueIndex("stages_project_key").on(t.projectId, t.key)],
);

export const workItems = pgTable(
  "work_items",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    kind: text("kind").$type<T.ItemKind>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    owner: text("owner"),
    labels: jsonb("labels").$type<string[]>().notNull(),
    estimate: integer("estimate"),
    stage: text("stage").notNull(),
    position: byteOrderedText("position").notNull(),
    version: integer("version").notNull().default(1),
    blocked: boolean("blocked").notNull().default(false),
    blockedReason: text("blocked_reason"),
    needsManualQa: boolean("needs_manual_qa").notNull().default(false),
    qaSignedOffBy: text("qa_signed_off_by"),
    qaSignOffNote: text("qa_sign_off_note"),
    qaSignedOffAt: timestamp("qa_signed_off_at", { withTimezone: true, mode: "date" }),
    rejectedReason: text("rejected_reason"),
    rejectedFromStage: text("rejected_from_stage"),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    uniqueIndex("work_items_project_number").on(t.projectId, t.number),
    index("work_items_board").on(t.projectId, t.stage, t.position),
  ],
);

export const stageIntervals = pgTable(
  "stage_intervals",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    stage: text("stage").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true, mode: "date" }).notNull(),
    leftAt: timestamp("left_at", { withTimezone: true, mode: "date" }),
    /** The stage the item came from (null when it was created here). */
    fromStage: text("from_stage"),
    /** When the item left this stay for the next stage of the funnel (a forward move by one). */
    nextAt: timestamp("next_at", { withTimezone: true, mode: "date" }),
    /** When the item first reached Live after this stay began. */
    liveAt: timestamp("live_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("stage_intervals_item").on(t.itemId, t.stage, t.enteredAt),
    index("stage_intervals_project_stage").on(t.projectId, t.stage, t.enteredAt),
    index("stage_intervals_entered").on(t.projectId, t.enteredAt, t.stage, t.itemId, t.fromStage, t.nextAt, t.liveAt),
    index("stage_intervals_left").on(t.projectId, t.leftAt, t.stage, t.enteredAt),
  ],
);

export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemId: integer("item_id"),
    type: text("type").notNull(),
    actor: text("actor").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    payload: jsonb("payload").$type<T.EventPayload>().notNull(),
  },
  (t) => [index("events_project_id").on(t.projectId, t.id), index("events_item_id").on(t.itemId, t.id)],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    deliveryId: text("delivery_id").notNull(),
    event: text("event").notNull(),
    action: text("action"),
    body: text("body").notNull(),
    status: text("status").$type<T.DeliveryStatus>().notNull(),
    error: text("error"),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_identity").on(t.source, t.deliveryId),
    index("webhook_deliveries_project").on(t.projectId, t.id),
    index("webhook_deliveries_status").on(t.status, t.id),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.hash), index("api_tokens_project").on(t.projectId)],
);
