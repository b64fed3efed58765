import { verify } from "@octokit/webhooks-methods";
import { insertDelivery } from "../../../db/repositories/deliveries";
import { findProjectForWebhook } from "../../../db/repositories/github";
import type { DeliveryStatus } from "../../../db/schema/shared-types";
import type { App } from "../../app";
import { errorResponse } from "../../http/respond";

/** The GitHub events Shiplane reads; any other verified event is stored and ignored. */
export const SUPPORTED_EVENTS = ["ping", "push", "pull_request", "pull_request_review", "check_suite", "check_run", "status", "workflow_run"] as const;
const SUPPORTED = new Set<string>(SUPPORTED_EVENTS);

/**
 * Verifies a GitHub delivery against the project's secret and stores it before answering, so
 * nothing answered 2xx is lost; processing happens after the answer. A redelivery is a no-op.
 */
export async function receiveGithubDelivery(
  app: App,
  slug: string,
  headers: Headers,
  body: string,
): Promise<{ response: Response; stored: { id: number; status: DeliveryStatus } | null }> {
  const refuse = (status: number, code: string, message: string) => ({ response: errorResponse(status, code, message), stored: null });
  const project = await findProjectForWebhook(app.database, slug);
  if (!project) return refuse(404, "PROJECT.NOT_FOUND", `There is no project "${slug}": check the webhook URL in the project's settings.`);
  const secret = project.secret;
  const signature = headers.get("x-hub-signature-256");
  if (!secret) return refuse(401, "WEBHOOK.NO_SECRET", "This project has no webhook secret yet: generate one in its settings and set it in GitHub.");
  if (!signature) return refuse(401, "WEBHOOK.UNSIGNED", "The delivery has no X-Hub-Signature-256 header: set the webhook's secret in GitHub.");
  const valid = await verify(secret, body, signature).catch(() => false);
  if (!valid) return refuse(401, "WEBHOOK.BAD_SIGNATURE", "The signature does not match this project's webhook secret: copy the secret from the project's settings into GitHub.");
  const event = headers.get("x-github-event");
  const deliveryId = headers.get("x-github-delivery");
  if (!event || !deliveryId) return refuse(400, "WEBHOOK.MALFORMED", "X-GitHub-Event and X-GitHub-Delivery headers are required.");
  let payload: { action?: unknown };
  try {
    payload = JSON.parse(body);
  } catch {
    return refuse(400, "WEBHOOK.MALFORMED", "The body is not JSON: set the webhook's content type to application/json in GitHub.");
  }
  const stored = await insertDelivery(app.database, {
    projectId: project.id,
    source: "github",
    deliveryId,
    event,
    action: typeof payload.action === "string" ? payload.action : null,
    body,
    status: SUPPORTED.has(event) ? "pending" : "ignored",
    receivedAt: app.now(),
  });
  if (!stored) return { response: Response.json({ status: "duplicate", delivery: deliveryId }), stored: null };
  return { response: Response.json({ status: stored.status === "pending" ? "accepted" : "ignored", delivery: deliveryId }, { status: 202 }), stored };
}
