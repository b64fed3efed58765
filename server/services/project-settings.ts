import { randomBytes } from "node:crypto";
import { listDeliveries } from "../../db/repositories/deliveries";
import { findGithubAccess, findWebhookSecret, setGithubToken, setWebhookSecret } from "../../db/repositories/github";
import { listTokens } from "../../db/repositories/tokens";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { forgetWebhookProject, SUPPORTED_EVENTS } from "../integrations/github/receive";
import { requireProject } from "./lookups";

/** What the project's settings page shows: the GitHub webhook, its recent deliveries, the API tokens. */
export async function getProjectSettings(app: App, input: { project: string }) {
  const project = await requireProject(app.database, input.project);
  const [secret, access, deliveries, tokens] = await Promise.all([
    findWebhookSecret(app.database, project.id),
    findGithubAccess(app.database, project.id),
    listDeliveries(app.database, project.id, 30),
    listTokens(app.database, project.id),
  ]);
  return {
    project,
    webhook: { path: `/api/webhooks/github/${project.slug}`, secret, events: [...SUPPORTED_EVENTS] },
    githubToken: access?.token
      ? { configured: true, ending: access.token.slice(-4) }
      : { configured: false, ending: null },
    deliveries: deliveries.map((d) => ({
      id: d.id,
      deliveryId: d.deliveryId,
      event: d.event,
      action: d.action,
      status: d.status,
      error: d.error,
      receivedAt: d.receivedAt,
      processedAt: d.processedAt,
    })),
    tokens,
  };
}

/** The GitHub token Shiplane posts the shiplane/gates commit status with; null removes it. */
export async function setProjectGithubToken(
  app: App,
  actor: Actor,
  input: { project: string; token: string | null },
): Promise<void> {
  const project = await requireProject(app.database, input.project);
  const token = input.token?.trim() || null;
  await changeProject(app, project.id, async (store, record) => {
    await setGithubToken(store, project.id, token);
    await record({
      itemId: null,
      type: "settings.changed",
      actor: actor.id,
      payload: { githubToken: token ? "set" : "removed" },
    });
  });
}

/** A new webhook secret; GitHub's webhook must be given it before its next delivery verifies. */
export async function regenerateWebhookSecret(app: App, actor: Actor, input: { project: string }): Promise<string> {
  const project = await requireProject(app.database, input.project);
  const secret = randomBytes(24).toString("hex");
  await changeProject(app, project.id, async (store, record) => {
    await setWebhookSecret(store, project.id, secret);
    await record({
      itemId: null,
      type: "settings.changed",
      actor: actor.id,
      payload: { webhookSecret: "regenerated" },
    });
  });
  forgetWebhookProject(app, project.slug);
  return secret;
}
