import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { DomainErrorCode } from "../../domain/errors";

/** The HTTP status for each domain error code; REST and tRPC both read this table. */
const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  "USER.NOT_FOUND": 404,
  "USER.EXISTS": 409,
  "INVITE.INVALID": 410,
  "SETUP.DONE": 409,
  "STAGE.UNKNOWN": 400,
  "PROJECT.NOT_FOUND": 404,
  "ITEM.NOT_FOUND": 404,
  "PROJECT.EXISTS": 409,
  "ITEM.STALE_VERSION": 409,
  "ITEM.ARCHIVED": 409,
  "ITEM.NOT_ARCHIVED": 409,
  "GATE.REFUSED": 422,
  "MOVE.REASON_REQUIRED": 422,
  "AUTH.FORBIDDEN": 403,
  "AUTH.UNAUTHENTICATED": 401,
  "TOKEN.NOT_FOUND": 404,
  "RELEASE.NOT_FOUND": 404,
  "ENVIRONMENT.NOT_FOUND": 404,
  "DEPLOYMENT.NOT_FOUND": 404,
  "ENVIRONMENT.NOT_CONFIGURED": 409,
  "DEPLOYMENT.BUSY": 409,
  "DEPLOYMENT.FINISHED": 409,
  "ROLLBACK.UNAVAILABLE": 409,
  "PROMOTION.REFUSED": 422,
  "DEPLOY.LIVE_NEEDS_PROMOTION": 422,
  "JOB.NOT_HELD": 409,
  "WORKER.NOT_FOUND": 404,
  "STREAM.LIMIT": 429,
  "REPORT.TOO_LARGE": 413,
  "IMPORT.INVALID": 400,
  "STREAM.ACCESS_CHANGED": 409,
};

export function errorStatus(code: DomainErrorCode): number {
  return STATUS[code];
}

export function toTrpcCode(status: number): TRPC_ERROR_CODE_KEY {
  switch (status) {
    case 400:
      return "BAD_REQUEST";
    case 401:
      return "UNAUTHORIZED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 409:
      return "CONFLICT";
    case 410:
      return "NOT_FOUND";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 422:
      return "UNPROCESSABLE_CONTENT";
    case 429:
      return "TOO_MANY_REQUESTS";
    default:
      return "INTERNAL_SERVER_ERROR";
  }
}
