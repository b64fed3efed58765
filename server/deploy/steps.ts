import http from "node:http";
import https from "node:https";
import { sign } from "@octokit/webhooks-methods";
import { resolveWebhookHost } from "../services/webhook-address";

/** How one step (deploy, verify, switch, provision) ended. */
export interface StepOutcome {
  ok: boolean;
  /** One sentence for the log and the deployment's error. */
  summary: string;
  /** The webhook was accepted: the external tool reports the result later. */
  external?: boolean;
}

export interface WebhookContext {
  body: Record<string, unknown>;
  log: (text: string) => void;
  signal: AbortSignal;
}

/** POSTs `body` to `url`, connecting only to the address checked just before (no private ones). */
async function post(url: string, body: string, headers: Record<string, string>, signal: AbortSignal) {
  const target = new URL(url);
  const { address, family } = await resolveWebhookHost(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise<{ status: number; statusText: string; size: number }>((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
        // The connection goes to the address that was checked, whatever the name resolves to now.
        lookup: (_host, _options, callback) => callback(null, address, family),
        signal: AbortSignal.any([signal, AbortSignal.timeout(15_000)]),
      },
      (response) => {
        let size = 0;
        // The answer is counted, never kept: a deploy tool's body may carry anything.
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > 1_000_000) response.destroy();
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? "", size }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * POSTs a signed JSON description of the step to an external tool. The signature header is
 * `X-Shiplane-Signature-256: sha256=<HMAC-SHA256 of the body with the shared secret>`, as
 * GitHub signs its webhooks. A 2xx answer means the tool took the job and reports back. Only the
 * answer's status and size are logged.
 */
export async function postWebhook(
  url: string,
  secret: string,
  event: string,
  context: WebhookContext,
): Promise<StepOutcome> {
  const body = JSON.stringify(context.body);
  context.log(`POST ${url} (${event})\n`);
  try {
    const response = await post(
      url,
      body,
      {
        "content-type": "application/json",
        "user-agent": "Shiplane",
        "x-shiplane-event": event,
        "x-shiplane-signature-256": await sign(secret, body),
      },
      context.signal,
    );
    context.log(`${response.status} ${response.statusText} (${response.size} bytes)\n`);
    if (response.status < 200 || response.status >= 300)
      return { ok: false, summary: `${url} answered ${response.status}: the deploy tool refused the job.` };
    return { ok: true, external: true, summary: `${url} accepted the job.` };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return {
      ok: false,
      summary: `Could not reach ${url}: ${cause}. Check the URL and that the deploy tool is running.`,
    };
  }
}
