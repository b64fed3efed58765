import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import type * as T from "../shared-types";

// Projects, their funnel, cards and event log, and what reaches them from outside (deliveries, tokens).
// Kept in step with ../pg/funnel.ts (db/schema/parity.ts checks it).

export const projects = sqliteTable("projects", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  repo: text("repo"),
  keyPrefix: text("key_prefix").notNull(),
  nextItemNumber: integer("next_item_number").notNull().default(1),
  requiredApprovals: integer("required_approvals").notNull().default(1),
  webhookSecret: text("webhook_secret"),
  githubToken: text("github_token"),
  autoPromote: integer("auto_promote", { mode: "boolean" }).notNull().default(false),
  lineStoppedAt: integer("line_stopped_at", { mode: "timestamp_ms" }),
  lineStoppedBy: text("line_stopped_by"),
  lineStoppedReason: text("line_stopped_reason"),
  alertEnvironmentLabel: text("alert_environment_label"),
  freezeWindows: text("freeze_windows", { mode: "json" }).$type<T.FreezeWindow[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const stages = sqliteTable(
  "stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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

export const workItems = sqliteTable(
  "work_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    kind: text("kind").$type<T.ItemKind>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    owner: text("owner"),
    labels: text("labels", { mode: "json" }).$type<string[]>().notNull(),
    estimate: integer("estimate"),
    stage: text("stage").notNull(),
    position: text("position").notNull(),
    version: integer("version").notNull().default(1),
    blocked: integer("blocked", { mode: "boolean" }).notNull().default(false),
    blockedReason: text("blocked_reason"),
    needsManualQa: integer("needs_manual_qa", { mode: "boolean" }).notNull().default(false),
    qaSignedOffBy: text("qa_signed_off_by"),
    qaSignOffNote: text("qa_sign_off_note"),
    qaSignedOffAt: integer("qa_signed_off_at", { mode: "timestamp_ms" }),
    rejectedReason: text("rejected_reason"),
    rejectedFromStage: text("rejected_from_stage"),
    stageEnteredAt: integer("stage_entered_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("work_items_project_number").on(t.projectId, t.number),
    index("work_items_board").on(t.projectId, t.stage, t.position),
  ],
);

export const stageIntervals = sqliteTable(
  "stage_intervals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    stage: text("stage").notNull(),
    enteredAt: integer("entered_at", { mode: "timestamp_ms" }).notNull(),
    leftAt: integer("left_at", { mode: "timestamp_ms" }),
    /** The stage the item came from (null when it was created here). */
    fromStage: text("from_stage"),
    /** When the item left this stay for the next stage of the funnel (a forward move by one). */
    nextAt: integer("next_at", { mode: "timestamp_ms" }),
    /** When the item first reached Live after this stay began. */
    liveAt: integer("live_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("stage_intervals_item").on(t.itemId, t.stage, t.enteredAt),
    index("stage_intervals_project_stage").on(t.projectId, t.stage, t.enteredAt),
    index("stage_intervals_entered").on(t.projectId, t.enteredAt, t.stage, t.itemId, t.fromStage, t.nextAt, t.liveAt),
    index("stage_intervals_left").on(t.projectId, t.leftAt, t.stage, t.enteredAt),
  ],
);

export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemId: integer("item_id"),
    type: text("type").notNull(),
    actor: text("actor").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    payload: text("payload", { mode: "json" }).$type<T.EventPayload>().notNull(),
  },
  (t) => [index("events_project_id").on(t.projectId, t.id), index("events_item_id").on(t.itemId, t.id)],
);

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    processedAt: integer("processed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_identity").on(t.source, t.deliveryId),
    index("webhook_deliveries_project").on(t.projectId, t.id),
    index("webhook_deliveries_status").on(t.status, t.id),
  ],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.hash), index("api_tokens_project").on(t.projectId)],
);
