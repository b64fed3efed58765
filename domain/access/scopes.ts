import { DomainError } from "../errors";

/** What an API token may do; `admin` includes every other scope. */
export const SCOPES = [
  "items:read",
  "items:write",
  "builds:write",
  "tests:write",
  "deploy",
  "alerts:write",
  "admin",
] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** "builds:write, tests:write" → the scopes, or a clear error naming the unknown ones. */
export function parseScopes(input: string | readonly string[]): Scope[] {
  const parts = (typeof input === "string" ? input.split(",") : input).map((s) => s.trim()).filter(Boolean);
  const unknown = parts.filter((part) => !isScope(part));
  if (unknown.length) {
    throw new DomainError(
      "VALIDATION",
      `Unknown scope${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}. Scopes: ${SCOPES.join(", ")}.`,
      { field: "scopes" },
    );
  }
  if (parts.length === 0)
    throw new DomainError("VALIDATION", `A token needs at least one scope: ${SCOPES.join(", ")}.`, { field: "scopes" });
  return [...new Set(parts)] as Scope[];
}

export function grants(granted: readonly string[], needed: Scope): boolean {
  return granted.includes(needed) || granted.includes("admin");
}

/** "90d", "12h" or "30m" → milliseconds; null for none. */
const MIN_LIFETIME = 60_000;
const MAX_LIFETIME = 3650 * 86_400_000;

export function parseDuration(input: string | undefined | null): number | null {
  if (!input) return null;
  const match = /^(\d{1,12})\s*(d|h|m)$/.exec(input.trim());
  if (!match)
    throw new DomainError("VALIDATION", `"${input}" is not a duration: use e.g. 90d, 12h or 30m.`, {
      field: "expiresIn",
    });
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as "d" | "h" | "m"];
  const lifetime = Number(match[1]) * unit;
  // A zero or absurd lifetime would make a token that never works, or one that never expires.
  if (lifetime < MIN_LIFETIME || lifetime > MAX_LIFETIME)
    throw new DomainError(
      "VALIDATION",
      `"${input}" is not a lifetime a token can have: from 1m to 3650d (ten years). Leave it empty for no expiry.`,
      { field: "expiresIn" },
    );
  return lifetime;
}
