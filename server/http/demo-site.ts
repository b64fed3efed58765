import fs from "node:fs/promises";
import path from "node:path";
import { config } from "../config";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".js": "text/javascript",
  ".svg": "image/svg+xml",
};
const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Serves what the demo deployer published: /demo/<env>/ is what the environment serves
 * (its `current` link), /demo/<env>/<blue|green>/ a blue-green slot directly.
 */
export async function serveDemoSite(segments: string[]): Promise<Response> {
  const [environment, ...rest] = segments;
  if (!environment || !NAME.test(environment)) return notFound("Name an environment: /demo/test/ or /demo/live/.");
  const slot = rest[0] === "blue" || rest[0] === "green" ? rest.shift()! : "current";
  const root = path.resolve(config().workDir, "demo", environment, slot);
  const file = path.resolve(root, rest.join("/") || "index.html");
  if (!file.startsWith(root + path.sep)) return notFound("No such file.");
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" },
    });
  } catch {
    const where = slot === "current" ? environment : `slot ${slot} of ${environment}`;
    return notFound(
      `Nothing is deployed to ${where} by the demo deployer yet: deploy a release from Shiplane's Releases page.`,
    );
  }
}

function notFound(message: string): Response {
  return new Response(
    `<!doctype html><meta charset="utf-8"><title>Not deployed</title><p style="font:16px system-ui;margin:3rem">${message}</p>\n`,
    {
      status: 404,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    },
  );
}
