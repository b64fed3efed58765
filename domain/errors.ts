/**
 * Errors the domain raises for broken invariants or requests that cannot be honoured.
 * Expected refusals (a closed gate) are values, not errors; see funnel/gates.ts.
 * The code is stable and machine-readable; the message speaks to the user.
 */
export type DomainErrorCode =
  | "VALIDATION"
  | "USER.NOT_FOUND"
  | "USER.EXISTS"
  | "INVITE.INVALID"
  | "SETUP.DONE"
  | "PROJECT.NOT_FOUND"
  | "PROJECT.EXISTS"
  | "ITEM.NOT_FOUND"
  | "ITEM.ARCHIVED"
  | "ITEM.NOT_ARCHIVED"
  | "ITEM.STALE_VERSION"
  | "STAGE.UNKNOWN"
  | "GATE.REFUSED"
  | "MOVE.REASON_REQUIRED"
  | "AUTH.FORBIDDEN"
  | "AUTH.UNAUTHENTICATED"
  | "TOKEN.NOT_FOUND"
  | "RELEASE.NOT_FOUND"
  | "ENVIRONMENT.NOT_FOUND"
  | "ENVIRONMENT.NOT_CONFIGURED"
  | "DEPLOYMENT.NOT_FOUND"
  | "DEPLOYMENT.BUSY"
  | "DEPLOYMENT.FINISHED"
  | "PROMOTION.REFUSED"
  | "DEPLOY.LIVE_NEEDS_PROMOTION"
  | "JOB.NOT_HELD"
  | "WORKER.NOT_FOUND"
  | "ROLLBACK.UNAVAILABLE"
  | "STREAM.LIMIT"
  | "REPORT.TOO_LARGE"
  | "IMPORT.INVALID"
  | "STREAM.ACCESS_CHANGED";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
