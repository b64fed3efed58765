import { verify } from "@octokit/webhooks-methods";
import { insertDelivery } from "../../../db/repositories/deliveries";
import { findProjectForWebhook } from "../../../db/repositories/github";
import type { DeliveryStatus } from "../../../db/schema/shared-types";
import type { App } from "../../app";
import { PayloadTooLarge } from "../../http/respond";

/** GitHub's own limit for a delivery. */
export const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;

/** The GitHub events Shiplane reads; any other verified event is stored and ignored. */
export const SUPPORTED_EVENTS = [
  "ping",
  "push",
  "pull_request",
  "pull_request_review",
  "check_suite",
  "check_run",
  "status",
  "workflow_run",
] as const;
const SUPPORTED = new Set<string>(SUPPORTED_EVENTS);

/**
 * Each delivery needs its project's id and secret; a burst of deliveries reads them once a
 * second. Regenerating the secret forgets it at once on this instance (within a second on others).
 */
const PROJECT_TTL_MS = 1000;
type Cached = { value: { id: number; secret: string | null } | null; until: number };
const caches = new WeakMap<object, Map<string, Cached>>();

function cacheOf(app: App): Map<string, Cached> {
  let cache = caches.get(app.database);
  if (!cache) caches.set(app.database, (cache = new Map()));
  return cache;
}

async function webhookProject(app: App, slug: string) {
  const projects = cacheOf(app);
  const cached = projects.get(slug);
  if (cached && cached.until > Date.now()) return cached.value;
  const value = await findProjectForWebhook(app.database, slug);
  if (projects.size > 1000) projects.clear();
  projects.set(slug, { value, until: Date.now() + PROJECT_TTL_MS });
  return value;
}

export function forgetWebhookProject(app: App, slug: string): void {
  cacheOf(app).delete(slug);
}

/** The answer to a delivery, as plain data: the busiest endpoint writes it straight to the socket. */
export interface DeliveryReply {
  status: number;
  body: Record<string, unknown>;
  stored: { id: number; status: DeliveryStatus } | null;
}

/**
 * Verifies a GitHub delivery against the project's secret and stores it before answering, so
 * nothing answered 2xx is lost; processing happens after the answer. A redelivery is a no-op.
 */
export async function receiveGithubDelivery(
  app: App,
  slug: string,
  header: (name: string) => string | null | undefined,
  readBody: () => Promise<string>,
): Promise<DeliveryReply> {
  const refuse = (status: number, code: string, message: string): DeliveryReply => ({
    status,
    body: { error: { code, message } },
    stored: null,
  });
  const headers = { get: (name: string) => header(name) ?? null };
  const project = await webhookProject(app, slug);
  if (!project)
    return refuse(
      404,
      "PROJECT.NOT_FOUND",
      `There is no project "${slug}": check the webhook URL in the project's settings.`,
    );
  const secret = project.secret;
  const signature = headers.get("x-hub-signature-256");
  if (!secret)
    return refuse(
      401,
      "WEBHOOK.NO_SECRET",
      "This project has no webhook secret yet: generate one in its settings and set it in GitHub.",
    );
  if (!signature)
    return refuse(
      401,
      "WEBHOOK.UNSIGNED",
      "The delivery has no X-Hub-Signature-256 header: set the webhook's secret in GitHub.",
    );
  // Only now is the body read (at most GitHub's own 25 MB): nobody without a signature gets that far.
  let body: string;
  try {
    body = await readBody();
  } catch (error) {
    if (error instanceof PayloadTooLarge)
      return refuse(413, "REQUEST.TOO_LARGE", `${error.message} GitHub sends at most 25 MB.`);
    throw error;
  }
  const valid = await verify(secret, body, signature).catch(() => false);
  if (!valid)
    return refuse(
      401,
      "WEBHOOK.BAD_SIGNATURE",
      "The signature does not match this project's webhook secret: copy the secret from the project's settings into GitHub.",
    );
  const event = headers.get("x-github-event");
  const deliveryId = headers.get("x-github-delivery");
  if (!event || !deliveryId)
    return refuse(400, "WEBHOOK.MALFORMED", "X-GitHub-Event and X-GitHub-Delivery headers are required.");
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return refuse(
      400,
      "WEBHOOK.MALFORMED",
      "The body is not JSON: set the webhook's content type to application/json in GitHub.",
    );
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload))
    return refuse(400, "WEBHOOK.MALFORMED", "The body must be a JSON object, as GitHub sends.");
  const action = (payload as { action?: unknown }).action;
  // In a transaction of its own, so that an accepted delivery never rides in another request's
  // (a large test report's) and is committed before it is answered.
  const stored = await app.database.transaction((store) =>
    insertDelivery(store, {
      projectId: project.id,
      source: "github",
      deliveryId,
      event,
      action: typeof action === "string" ? action.slice(0, 100) : null,
      body,
      status: SUPPORTED.has(event) ? "pending" : "ignored",
      receivedAt: app.now(),
    }),
  );
  if (!stored) return { status: 200, body: { status: "duplicate", delivery: deliveryId }, stored: null };
  return {
    status: 202,
    body: { status: stored.status === "pending" ? "accepted" : "ignored", delivery: deliveryId },
    stored,
  };
}
