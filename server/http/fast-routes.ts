import type { IncomingMessage, ServerResponse } from "node:http";
import type { App } from "../app";
import { drainDeliveries } from "../integrations/github/process";
import { receiveGithubDelivery } from "../integrations/github/receive";
import { moveItemHandler } from "./rest-items";

/**
 * The busiest machine-facing endpoints — GitHub deliveries and card moves from scripts — served
 * straight from node:http in front of Next.js: the same handlers as the route files, without
 * the framework's per-request work. Everything else goes on to Next.js.
 */
const WEBHOOK = /^\/api\/webhooks\/github\/([^/?#]+)\/?(?:\?.*)?$/;
const MOVE = /^\/api\/v1\/items\/([^/?#]+)\/move\/?(?:\?.*)?$/;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
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

/** Serves the request if it is one of the fast routes; false lets Next.js have it. */
export function serveFast(req: IncomingMessage, res: ServerResponse, getApp: () => Promise<App>): boolean {
  if (req.method !== "POST" || !req.url) return false;
  const webhook = WEBHOOK.exec(req.url);
  const move = webhook ? null : MOVE.exec(req.url);
  if (!webhook && !move) return false;
  void (async () => {
    const body = await readBody(req);
    if (webhook) {
      const app = await getApp();
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const reply = await receiveGithubDelivery(app, decodeURIComponent(webhook[1]), header, body.toString("utf8"));
      const json = JSON.stringify(reply.body);
      res.writeHead(reply.status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
      res.end(json);
      // Stored first, answered, then processed.
      if (reply.stored?.status === "pending") setImmediate(() => void drainDeliveries(app));
    } else if (move) {
      const request = new Request(`http://localhost${req.url}`, {
        method: "POST",
        headers: headersOf(req),
        body: body.toString("utf8"),
      });
      await send(res, await moveItemHandler(decodeURIComponent(move[1]), request, getApp));
    }
  })().catch((error: Error) => {
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
