import { at, bigId, createdAt, flag, id, index, int, json, orderKey, table, text, uniqueIndex } from "./kit";
import type * as T from "../shared-types";

// Projects, their funnel, cards and event log, and what reaches them from outside (deliveries, tokens).
// The same text in ../sqlite/ and ../pg/: each folder's kit.ts gives the columns their dialect's types.

export const projects = table("projects", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  repo: text("repo"),
  keyPrefix: text("key_prefix").notNull(),
  nextItemNumber: int("next_item_number").notNull().default(1),
  requiredApprovals: int("required_approvals").notNull().default(1),
  webhookSecret: text("webhook_secret"),
  githubToken: text("github_token"),
  autoPromote: flag("auto_promote").notNull().default(false),
  lineStoppedAt: at("line_stopped_at"),
  lineStoppedBy: text("line_stopped_by"),
  lineStoppedReason: text("line_stopped_reason"),
  alertEnvironmentLabel: text("alert_environment_label"),
  freezeWindows: json<T.FreezeWindow[]>("freeze_windows").notNull().default([]),
  createdAt: createdAt(),
});

export const stages = table(
  "stages",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    position: int("position").notNull(),
    wipLimit: int("wip_limit"),
  },
  (t) => [uniqueIndex("stages_project_key").on(t.projectId, t.key)],
);

export const workItems = table(
  "work_items",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: int("number").notNull(),
    kind: text("kind").$type<T.ItemKind>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    owner: text("owner"),
    labels: json<string[]>("labels").notNull(),
    estimate: int("estimate"),
    stage: text("stage").notNull(),
    position: orderKey("position").notNull(),
    version: int("version").notNull().default(1),
    blocked: flag("blocked").notNull().default(false),
    blockedReason: text("blocked_reason"),
    needsManualQa: flag("needs_manual_qa").notNull().default(false),
    qaSignedOffBy: text("qa_signed_off_by"),
    qaSignOffNote: text("qa_sign_off_note"),
    qaSignedOffAt: at("qa_signed_off_at"),
    rejectedReason: text("rejected_reason"),
    rejectedFromStage: text("rejected_from_stage"),
    /** Where an imported card came from ("trello:<card id>", "pivotal:<story id>"): a re-import updates it. */
    source: text("source"),
    stageEnteredAt: at("stage_entered_at").notNull(),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("work_items_project_number").on(t.projectId, t.number),
    uniqueIndex("work_items_project_source").on(t.projectId, t.source),
    index("work_items_board").on(t.projectId, t.stage, t.position),
  ],
);

export const stageIntervals = table(
  "stage_intervals",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemId: int("item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    stage: text("stage").notNull(),
    enteredAt: at("entered_at").notNull(),
    leftAt: at("left_at"),
    /** The stage the item came from (null when it was created here). */
    fromStage: text("from_stage"),
    /** When the item left this stay for the next stage of the funnel (a forward move by one). */
    nextAt: at("next_at"),
    /** When the item first reached Live after this stay began. */
    liveAt: at("live_at"),
  },
  (t) => [
    index("stage_intervals_item").on(t.itemId, t.stage, t.enteredAt),
    index("stage_intervals_project_stage").on(t.projectId, t.stage, t.enteredAt),
    index("stage_intervals_entered").on(t.projectId, t.enteredAt, t.stage, t.itemId, t.fromStage, t.nextAt, t.liveAt),
    index("stage_intervals_left").on(t.projectId, t.leftAt, t.stage, t.enteredAt),
  ],
);

export const events = table(
  "events",
  {
    id: bigId(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemId: int("item_id"),
    type: text("type").notNull(),
    actor: text("actor").notNull(),
    at: at("at").notNull(),
    payload: json<T.EventPayload>("payload").notNull(),
  },
  (t) => [index("events_project_id").on(t.projectId, t.id), index("events_item_id").on(t.itemId, t.id)],
);

export const webhookDeliveries = table(
  "webhook_deliveries",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    deliveryId: text("delivery_id").notNull(),
    event: text("event").notNull(),
    action: text("action"),
    body: text("body").notNull(),
    status: text("status").$type<T.DeliveryStatus>().notNull(),
    error: text("error"),
    receivedAt: at("received_at").notNull(),
    processedAt: at("processed_at"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_identity").on(t.projectId, t.source, t.deliveryId),
    index("webhook_deliveries_project").on(t.projectId, t.id),
    index("webhook_deliveries_status").on(t.status, t.id),
  ],
);

export const apiTokens = table(
  "api_tokens",
  {
    id: id(),
    projectId: int("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    scopes: json<string[]>("scopes").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at"),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.hash), index("api_tokens_project").on(t.projectId)],
);
