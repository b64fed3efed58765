/**
 * Addresses Shiplane stores and shows as links: only http: and https: ones, or a path on
 * Shiplane's own site ("/demo/test/"). Anything else (`javascript:`, `data:`, `file:`, `//host`)
 * is refused when stored and never rendered as a link.
 */
export const WEB_URL_MAX = 2000;

export function isWebUrl(value: unknown): value is string {
  if (typeof value !== "string" || value.length > WEB_URL_MAX) return false;

  if (/[\u0000-\u0020\u007f\\]/.test(value)) return false;
  if (value.startsWith("/")) return !value.startsWith("//");
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The address if it may be a link, else null. */
export function webUrlOrNull(value: unknown): string | null {
  return isWebUrl(value) ? value : null;
}
