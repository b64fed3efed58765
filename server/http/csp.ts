/**
 * The content security policies. A page may run only scripts that carry the nonce of its own
 * request (Next.js puts it on its scripts) and what those scripts load ('strict-dynamic'): an
 * injected inline script has no nonce and does not run. Styles stay 'unsafe-inline' — charts and
 * drag-and-drop position elements with style attributes, which a nonce cannot cover. Answers that
 * are not pages (JSON, metrics, files) may load nothing at all.
 */
export function pageCsp(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
