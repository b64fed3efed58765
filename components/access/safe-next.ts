const BASE = "https://shiplane.invalid";

/**
 * Where to go after signing in: only a path of this site, with its query and hash (deep links
 * survive sign-in). Another site's address, `//host`, `/\host` and anything with a control
 * character or a backslash (which browsers strip or read as `/`, turning `/%09/evil` into
 * `//evil`) fall back to the home page.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith("/")) return "/";

  if (/[\u0000-\u001f\u007f\\]/.test(next) || next.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
