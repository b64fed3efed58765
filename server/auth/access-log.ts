import { appendAccessEvent, countAccessEvents } from "../../db/repositories/access";
import type { App } from "../app";

/** The log of sign-ins and account changes; it also limits failed sign-ins per address. */

export const SIGN_IN_LIMIT = { failures: 5, windowMs: 60_000 };

/** The caller's address, as the server in front of Shiplane put it in (never from a header a client could forge). */
export function clientIp(headers: Headers | undefined | null): string | null {
  return headers?.get("x-shiplane-client-ip") ?? null;
}

export async function recordAccess(
  app: App,
  event: {
    action: string;
    actor: string;
    subject?: string | null;
    ip?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await app.database.transaction((store) =>
    appendAccessEvent(store, {
      at: app.now(),
      action: event.action,
      actor: event.actor,
      subject: event.subject ?? null,
      ip: event.ip ?? null,
      detail: event.detail ?? {},
    }),
  );
}

/** Seconds to wait before this address may try to sign in again: 0 under 5 failures in the last minute. */
export async function signInWait(app: App, ip: string | null): Promise<number> {
  const now = app.now();
  const recent = await countAccessEvents(app.database, {
    action: "sign-in.failed",
    ip,
    since: new Date(now.getTime() - SIGN_IN_LIMIT.windowMs),
  });
  if (recent.n < SIGN_IN_LIMIT.failures || !recent.oldest) return 0;
  return Math.max(1, Math.ceil((recent.oldest.getTime() + SIGN_IN_LIMIT.windowMs - now.getTime()) / 1000));
}
