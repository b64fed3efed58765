/**
 * Text Shiplane will store: no NUL character (PostgreSQL cannot keep one, and no person types
 * it) and no unpaired UTF-16 surrogate (it has no UTF-8 form, so it would be stored as something
 * else than was sent). Returns where the first such string is in `value` ("title",
 * "labels.2"), or null when all of it is fine.
 */
export function unstorableText(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return hasUnstorable(value) ? path || "input" : null;
  if (depth > 64 || value === null || typeof value !== "object") return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, inner] of entries) {
    const at = path ? `${path}.${key}` : key;
    if (hasUnstorable(key)) return at;
    const found = unstorableText(inner, at, depth + 1);
    if (found) return found;
  }
  return null;
}

function hasUnstorable(text: string): boolean {
  return /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
