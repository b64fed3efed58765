import { ACCESS_ACTIONS, accessSummary, AUDIT_ACTIONS, auditSummary, isAuditAction } from "../../domain/access/audit";
import { listAccessEvents } from "../../db/repositories/access";
import { DomainError } from "../../domain/errors";
import { listAuditEvents } from "../../db/repositories/audit";
import type { App } from "../app";
import { requireProject } from "./lookups";

export interface AuditInput {
  project: string;
  action?: string | null;
  actor?: string | null;
  /** YYYY-MM-DD (UTC, inclusive) */
  from?: string | null;
  to?: string | null;
  beforeId?: number | null;
  limit?: number;
  /** Also sign-ins and account changes (for instance admins). */
  includeAccess?: boolean;
}

const day = (value: string, field: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()))
    throw new DomainError("VALIDATION", `"${value}" is not a day: use YYYY-MM-DD.`, { field });
  return date;
};

/** What the audit shows for an action: its label, or the action itself when it has none. */
const labelOf = (labels: Record<string, string>, action: string): string => labels[action] ?? action;

/** The project's audit trail: who changed settings, tokens and policy, forced cards past gates, deployed, promoted and rolled back. */
export async function getAudit(app: App, input: AuditInput) {
  const project = await requireProject(app.database, input.project);
  const access = input.action ? input.action in ACCESS_ACTIONS : true;
  if (input.action && !isAuditAction(input.action) && !(input.includeAccess && access)) {
    throw new DomainError(
      "VALIDATION",
      `"${input.action}" is not an audited action. Actions: ${Object.keys(AUDIT_ACTIONS).join(", ")}.`,
      { field: "action" },
    );
  }
  const limit = Math.min(Math.max(input.limit ?? 100, 1), 10_000);
  const from = input.from ? day(input.from, "from") : null;
  const to = input.to ? new Date(day(input.to, "to").getTime() + 86_400_000) : null;
  const actor = input.actor?.trim() || null;
  const types = input.action ? (isAuditAction(input.action) ? [input.action] : []) : Object.keys(AUDIT_ACTIONS);
  const [events, signIns] = await Promise.all([
    listAuditEvents(
      app.database,
      { projectId: project.id, types, actor, from, to, beforeId: input.beforeId ?? null },
      limit + 1,
    ),
    input.includeAccess && access
      ? listAccessEvents(
          app.database,
          { actions: input.action ? [input.action] : undefined, actor, from, to },
          limit + 1,
        )
      : [],
  ]);
  const entries = [
    ...events.map((event) => ({
      key: `e${event.id}`,
      id: event.id,
      at: event.at,
      actor: event.actor,
      action: event.type,
      label: labelOf(AUDIT_ACTIONS, event.type),
      summary: auditSummary(event.type, event.payload),
    })),
    ...signIns.map((event) => ({
      key: `a${event.id}`,
      id: event.id,
      at: event.at,
      actor: event.actor,
      action: event.action,
      label: labelOf(ACCESS_ACTIONS, event.action),
      summary: accessSummary(event.action, event.subject, event.ip, event.detail),
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const labels: Record<string, string> = { ...AUDIT_ACTIONS, ...(input.includeAccess ? ACCESS_ACTIONS : {}) };
  return {
    entries: entries.slice(0, limit),
    more: entries.length > limit,
    actions: Object.entries(labels).map(([action, label]) => ({ action, label })),
  };
}
