/**
 * The caller's address, for the sign-in limit and the audit. Without a proxy it is the socket's
 * peer. Behind `hops` trusted proxies, each proxy appends the address it was reached from to
 * X-Forwarded-For, so the client's address is the hops-th entry from the right: anything to the
 * left of it was written by the client and proves nothing.
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  peer: string | undefined,
  hops: number,
): string {
  if (hops > 0 && forwardedFor !== undefined) {
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const chosen = entries[entries.length - hops];
    if (chosen && /^[0-9a-fA-F.:[\]%\w-]{1,64}$/.test(chosen)) return chosen;
    // Fewer entries than proxies: the first proxy's own peer is as near as one can tell.
    if (entries.length > 0 && entries.length < hops && /^[0-9a-fA-F.:[\]%\w-]{1,64}$/.test(entries[0]))
      return entries[0];
  }
  return peer || "unknown";
}
