import dns from "node:dns/promises";
import net from "node:net";
import { config } from "../config";

/**
 * Webhook steps call out from the server, so they must not reach what only the server can:
 * loopback, link-local (cloud metadata) and private addresses are refused unless the instance
 * allows them (SHIPLANE_ALLOW_PRIVATE_WEBHOOKS=1, for a demo or tests on one machine).
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (net.isIPv4(ip)) {
    const [a, b] = ip.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (net.isIPv6(ip)) {
    const lower = ip.toLowerCase();
    return (
      lower === "::" ||
      lower === "::1" ||
      lower.startsWith("fe8") ||
      lower.startsWith("fe9") ||
      lower.startsWith("fea") ||
      lower.startsWith("feb") ||
      lower.startsWith("fc") ||
      lower.startsWith("fd") ||
      lower.startsWith("ff")
    );
  }
  return false;
}

const refusal = (url: string, address: string) =>
  `${url} points at ${address}, a loopback, link-local or private address: webhook steps may not call those. Use the deploy tool's public address, or set SHIPLANE_ALLOW_PRIVATE_WEBHOOKS=1 on an instance where that is safe.`;

/** At save time: a webhook URL whose host is a private address or a local name is refused. */
export function webhookUrlProblem(url: string): string | null {
  if (config().allowPrivateWebhooks) return null;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return `${url} is not an address.`;
  }
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local")) return refusal(url, host);
  return net.isIP(host) && isPrivateAddress(host) ? refusal(url, host) : null;
}

/**
 * At call time: the addresses the host resolves to now, refused if any is private (the name may
 * have changed since it was saved). Returns the address to connect to.
 */
export async function resolveWebhookHost(url: string): Promise<{ address: string; family: number }> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const found = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await dns.lookup(host, { all: true });
  if (!config().allowPrivateWebhooks) {
    const blocked = found.find((entry) => isPrivateAddress(entry.address));
    if (blocked) throw new Error(refusal(url, blocked.address));
  }
  return found[0];
}
