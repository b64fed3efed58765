import { APIError } from "better-auth/api";
import {
  deleteNewestAttempt,
  insertAttempt,
  lockAttempts,
  pruneAttempts,
  recentAttempts,
} from "../../db/repositories/sign-in-attempts";
import { ATTEMPT_LIMITS, addressKey, decideAttempt, type AttemptKind } from "../../domain/access/sign-in-limit";
import type { App } from "../app";

/**
 * Reserves one sign-in or password attempt before it is tried, or refuses it with 429 and the
 * seconds to wait. Counting and recording happen in one locked transaction, so 25 concurrent
 * guesses get exactly 5 tries. A successful attempt is released and stops counting.
 */
export async function reserveAttempt(
  app: App,
  attempt: { kind: AttemptKind; account: string; address: string | null },
): Promise<void> {
  const now = app.now();
  const since = new Date(now.getTime() - ATTEMPT_LIMITS.windowMs);
  const row = { kind: attempt.kind, account: accountKey(attempt.account), address: addressKey(attempt.address) };
  const decision = await app.database.transaction(async (store) => {
    await lockAttempts(store);
    await pruneAttempts(store, since);
    const verdict = decideAttempt(await recentAttempts(store, { ...row, since }), now);
    if (verdict.allowed) await insertAttempt(store, { ...row, at: now });
    return verdict;
  });
  if (decision.allowed) return;
  const wait = decision.retryAfterSeconds;
  const what = attempt.kind === "sign-in" ? "sign-ins" : "password attempts";
  const whose = decision.by === "account" ? "for this account" : "from your address";
  throw new APIError(
    "TOO_MANY_REQUESTS",
    {
      code: "TOO_MANY_ATTEMPTS",
      message: `Too many ${what} ${whose}. Wait ${wait} s and try again.`,
      retryAfter: wait,
    },
    { "Retry-After": String(wait) },
  );
}

/** The attempt succeeded: it was not a guess. */
export async function releaseAttempt(
  app: App,
  attempt: { kind: AttemptKind; account: string; address: string | null },
): Promise<void> {
  const row = { kind: attempt.kind, account: accountKey(attempt.account), address: addressKey(attempt.address) };
  await app.database.transaction((store) => deleteNewestAttempt(store, row));
}

function accountKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 320);
}
