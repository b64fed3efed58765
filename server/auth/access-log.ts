import { appendAccessEvent } from "../../db/repositories/access";
import type { App } from "../app";

/** The log of sign-ins and account changes. */

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
