import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Secrets at rest (webhook secrets, the GitHub token, deploy-webhook secrets): sealed with
 * AES-256-GCM under the configured key (SHIPLANE_SECRET). Without it, a key is generated into the
 * data folder on first use, with a warning: instances that share a database must share the secret.
 */
const PREFIX = "enc:v1:";

/** Where the key comes from: a configured secret, or else a file that is generated on first use. */
export interface KeySource {
  secret: string | null;
  keyFile: string;
}
let source: (() => KeySource) | null = null;
let cached: { id: string; key: Buffer } | null = null;

/** Set once by the configuration (server/config.ts): db/ never reads the environment itself. */
export function setKeySource(provider: () => KeySource): void {
  source = provider;
  cached = null;
}

function key(): Buffer {
  if (!source)
    throw new Error("No key is configured for stored secrets: load the configuration (server/config.ts) first.");
  const { secret: configured, keyFile } = source();
  const id = configured ? `secret:${configured}` : `file:${keyFile}`;
  if (cached?.id === id) return cached.key;
  let secret = configured;
  if (!secret) {
    if (!fs.existsSync(keyFile)) {
      fs.mkdirSync(path.dirname(keyFile), { recursive: true });
      fs.writeFileSync(keyFile, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
      console.warn(
        `SHIPLANE_SECRET is not set: generated a key at ${keyFile} to encrypt stored secrets. In production, set SHIPLANE_SECRET (the same on every instance) and keep it safe.`,
      );
    }
    secret = fs.readFileSync(keyFile, "utf8").trim();
  }
  cached = { id, key: createHash("sha256").update(secret).digest() };
  return cached.key;
}

export function isSealed(value: string | null | undefined): boolean {
  return Boolean(value?.startsWith(PREFIX));
}

export function seal(value: string): string;
export function seal(value: string | null): string | null;
export function seal(value: string | null): string | null {
  if (value === null || isSealed(value)) return value;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const encrypted = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString("base64");
}

/** The secret in clear; a value stored before sealing existed is returned as it is. */
export function unseal(value: string): string;
export function unseal(value: string | null): string | null;
export function unseal(value: string | null): string | null {
  if (value === null || !isSealed(value)) return value;
  const data = Buffer.from(value.slice(PREFIX.length), "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "A stored secret cannot be decrypted: SHIPLANE_SECRET (or data/secret.key) is not the one it was sealed with. Restore that secret, or set the webhook and deploy secrets again.",
    );
  }
}

/** A stable secret for one purpose (e.g. signing session cookies), derived from the same key. */
export function deriveSecret(purpose: string): string {
  return createHash("sha256").update(key()).update(`shiplane:${purpose}`).digest("base64url");
}
