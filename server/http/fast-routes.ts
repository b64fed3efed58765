import type { IncomingMessage, ServerResponse } from "node:http";
import type { App } from "../app";
import { drainDeliveries } from "../integrations/github/process";
import { MAX_DELIVERY_BYTES, receiveGithubDelivery } from "../integrations/github/receive";
import { JSON_LIMIT, PayloadTooLarge } from "./respond";
import { moveItemHandler } from "./rest-items";

/**
 * The busiest machine-facing endpoints — GitHub deliveries and card moves from scripts — served
 * straight from node:http in front of Next.js: the same handlers as the route files, without
 * the framework's per-request work. Everything else goes on to Next.js.
 */
const WEBHOOK = /^\/api\/webhooks\/github\/([^/?#]+)\/?(?:\?.*)?$/;
const MOVE = /^\/api\/v1\/items\/([^/?#]+)\/move\/?(?:\?.*)?$/;

/**
 * Reads a body of at most `limit` bytes: a declared length over it is refused at once, and a
 * stream that passes it is dropped there (413), never read whole.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) return reject(new PayloadTooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new PayloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function tooLarge(res: ServerResponse, error: PayloadTooLarge) {
  const json = JSON.stringify({
    error: { code: "REQUEST.TOO_LARGE", message: `${error.message} Send less.`, limit: error.limit },
  });
  res.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    connection: "close",
  });
  res.end(json);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, { ...headers, "content-length": String(body.length) });
  res.end(body);
}

/** A path segment, decoded; null when its percent-encoding is malformed. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Serves the request if it is one of the fast routes; false lets Next.js have it. */
export function serveFast(req: IncomingMessage, res: ServerResponse, getApp: () => Promise<App>): boolean {
  if (req.method !== "POST" || !req.url) return false;
  const webhook = WEBHOOK.exec(req.url);
  const move = webhook ? null : MOVE.exec(req.url);
  if (!webhook && !move) return false;
  void (async () => {
    const segment = decodeSegment((webhook ?? move)![1]);
    if (segment === null) {
      const json = JSON.stringify({
        error: { code: "REQUEST.MALFORMED", message: "The address has a malformed percent-encoding." },
      });
      res.writeHead(400, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
      res.end(json);
      return;
    }
    if (webhook) {
      const app = await getApp();
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const reply = await receiveGithubDelivery(app, segment, header, async () =>
        (await readBody(req, MAX_DELIVERY_BYTES)).toString("utf8"),
      );
      const json = JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(json),
        ...(reply.status === 413 || reply.status === 401 ? { connection: "close" } : {}),
      });
      res.end(json);
      // Stored first, answered, then processed.
      if (reply.stored?.status === "pending") setImmediate(() => void drainDeliveries(app));
    } else if (move) {
      const body = await readBody(req, JSON_LIMIT);
      const request = new Request(`http://localhost${req.url}`, {
        method: "POST",
        headers: headersOf(req),
        body: body.toString("utf8"),
      });
      await send(res, await moveItemHandler(segment, request, getApp));
    }
  })().catch((error: Error) => {
    if (error instanceof PayloadTooLarge) return tooLarge(res, error);
    console.error("Fast route failed:", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        error: {
          code: "INTERNAL",
          message: "Shiplane could not complete this request. It has been logged; try again.",
        },
      }),
    );
  });
  return true;
}
