import { AUDIT_ACTIONS, auditSummary, isAuditAction } from "../../domain/access/audit";
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
}

const day = (value: string, field: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) throw new DomainError("VALIDATION", `"${value}" is not a day: use YYYY-MM-DD.`, { field });
  return date;
};

/** The project's audit trail: who changed settings, tokens and policy, forced cards past gates, deployed, promoted and rolled back. */
export async function getAudit(app: App, input: AuditInput) {
  const project = await requireProject(app.database, input.project);
  if (input.action && !isAuditAction(input.action)) {
    throw new DomainError("VALIDATION", `"${input.action}" is not an audited action. Actions: ${Object.keys(AUDIT_ACTIONS).join(", ")}.`, { field: "action" });
  }
  const limit = Math.min(Math.max(input.limit ?? 100, 1), 10_000);
  const events = await listAuditEvents(
    app.database,
    {
      projectId: project.id,
      types: input.action ? [input.action] : Object.keys(AUDIT_ACTIONS),
      actor: input.actor?.trim() || null,
      from: input.from ? day(input.from, "from") : null,
      to: input.to ? new Date(day(input.to, "to").getTime() + 86_400_000) : null,
      beforeId: input.beforeId ?? null,
    },
    limit + 1,
  );
  return {
    entries: events.slice(0, limit).map((event) => ({
      id: event.id,
      at: event.at,
      actor: event.actor,
      action: event.type,
      label: AUDIT_ACTIONS[event.type as keyof typeof AUDIT_ACTIONS] ?? event.type,
      summary: auditSummary(event.type, event.payload),
    })),
    more: events.length > limit,
    actions: Object.entries(AUDIT_ACTIONS).map(([action, label]) => ({ action, label })),
  };
}
