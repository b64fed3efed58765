/** What the audit trail lists: the actions that change who may do what, settings, and what reaches live. */

export const AUDIT_ACTIONS = {
  "project.created": "Project created",
  "settings.changed": "Settings changed",
  "token.created": "Token created",
  "token.revoked": "Token revoked",
  "member.role": "Role changed",
  "member.removed": "Member removed",
  "invite.created": "Invitation",
  "invite.accepted": "Invitation accepted",
  "invite.revoked": "Invitation revoked",
  "environment.created": "Environment created",
  "line.stopped": "Line stopped",
  "line.resumed": "Line resumed",
  "item.moved": "Forced move",
  "qa.signed_off": "QA signed off",
  "deployment.queued": "Deploy",
  "deployment.cancelled": "Deployment cancelled",
  "promotion.requested": "Promotion",
  "promotion.refused": "Promotion refused",
  "promotion.done": "Promotion done",
  "rollback.requested": "Rollback",
  "rollback.done": "Rollback done",
  "project.imported": "Import",
} as const;

/** What the audit trail lists beyond projects: sign-ins and changes to accounts. */
export const ACCESS_ACTIONS = {
  "sign-in": "Signed in",
  "sign-in.failed": "Sign-in failed",
  "sign-out": "Signed out",
  "password.changed": "Password changed",
  "user.created": "Account created",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled",
  "user.role": "Instance admin changed",
  "worker.created": "Worker token created",
  "worker.changed": "Worker changed",
  "worker.revoked": "Worker revoked",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(type: string): type is AuditAction {
  return type in AUDIT_ACTIONS;
}

/** One line about an audited event, for the page and the CSV. */
export function auditSummary(type: string, payload: Record<string, unknown>): string {
  const p = payload;
  const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
  switch (type) {
    case "item.moved":
      return `${text(p.from)} → ${text(p.to)} past the gate: “${text(p.reason)}”`;
    case "token.created":
      return `“${text(p.name)}” (${Array.isArray(p.scopes) ? p.scopes.join(", ") : ""})`;
    case "token.revoked":
      return `“${text(p.name)}”`;
    case "member.role":
      return `${text(p.email)}: ${text(p.from) || "none"} → ${text(p.role)}`;
    case "member.removed":
      return `${text(p.email)} (was ${text(p.role)})`;
    case "invite.created":
    case "invite.accepted":
    case "invite.revoked":
      return `${text(p.email)} as ${text(p.role)}`;
    case "settings.changed":
      return Object.entries(p)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : text(value)}`)
        .join(", ");
    case "project.imported":
      return `${text(p.source) === "trello" ? "Trello" : "Pivotal Tracker"} “${text(p.name)}”: ${text(p.created)} created, ${text(p.updated)} updated`;
    case "line.stopped":
      return text((p.lineStopped as { reason?: string } | undefined)?.reason);
    case "promotion.refused":
      return `${text(p.version)}: ${Array.isArray(p.reasons) ? p.reasons.join(" ") : ""}`;
    case "promotion.requested":
      return `${text(p.version)} to ${text(p.environment)}${p.forced ? " — forced past its gates" : ""}${p.automatic ? " (automatic)" : ""}${p.reason ? `: “${text(p.reason)}”` : ""}`;
    case "rollback.requested":
      return `${text(p.environment)} from ${text(p.from)} back to ${text(p.to ?? p.version)}${p.automatic ? " (automatic)" : ""}${p.reason ? `: “${text(p.reason)}”` : ""}${p.alert ? ` — alert ${text(p.alert)}` : ""}`;
    default:
      return [p.version, p.environment, p.name, p.note].filter(Boolean).map(text).join(" · ");
  }
}

/** One line about a sign-in or an account change: whose, from where, and what changed. */
export function accessSummary(
  action: string,
  subject: string | null,
  ip: string | null,
  detail: Record<string, unknown>,
): string {
  const change =
    detail.siteRole === "admin" ? "instance admin" : action === "user.role" ? "no longer instance admin" : null;
  const reason = typeof detail.reason === "string" ? detail.reason : null;
  return [subject, ip ? `from ${ip}` : null, reason, change].filter(Boolean).join(" · ");
}
