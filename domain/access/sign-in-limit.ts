/**
 * How many sign-in and password guesses are allowed: per account, so that nobody can guess one
 * person's password quickly, and — more loosely — per address, so that one person's lockout does
 * not lock out everyone behind the same office or phone network.
 */

export type AttemptKind = "sign-in" | "password";

export const ATTEMPT_LIMITS = { perAccount: 5, perAddress: 30, windowMs: 60_000 } as const;

/** What a new attempt may do, given the attempts of the window (oldest first in each list). */
export type AttemptDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; by: "account" | "address" };

export function decideAttempt(
  recent: { account: Date[]; address: Date[] },
  now: Date,
  limits: { perAccount: number; perAddress: number; windowMs: number } = ATTEMPT_LIMITS,
): AttemptDecision {
  const wait = (times: Date[], limit: number) => {
    // The attempt that must leave the window before another one fits.
    const leaving = times[times.length - limit];
    return Math.max(1, Math.ceil((leaving.getTime() + limits.windowMs - now.getTime()) / 1000));
  };
  if (recent.account.length >= limits.perAccount)
    return { allowed: false, retryAfterSeconds: wait(recent.account, limits.perAccount), by: "account" };
  if (recent.address.length >= limits.perAddress)
    return { allowed: false, retryAfterSeconds: wait(recent.address, limits.perAddress), by: "address" };
  return { allowed: true };
}

/**
 * The key an address is counted under: an IPv4 address as it is, an IPv6 address by its /64 (one
 * household or phone gets a whole /64, and could otherwise step through it). IPv4 written as IPv6
 * (::ffff:10.0.0.1) counts as the IPv4 address.
 */
export function addressKey(address: string | null): string {
  if (!address) return "unknown";
  const text = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .split("%")[0];
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) return mapped[1];
  if (!text.includes(":")) return text;
  const groups = expandIpv6(text);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : text;
}

function expandIpv6(text: string): string[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const part = (s: string) => (s ? s.split(":") : []);
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<string>(Math.max(0, fill)).fill("0"), ...tail];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}
