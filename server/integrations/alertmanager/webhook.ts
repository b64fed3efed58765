import { z } from "zod";
import { webUrlOrNull } from "../../../domain/web-url";
import { listAlerts } from "../../../db/repositories/alerts";
import { listEnvironments } from "../../../db/repositories/environments";
import type { App } from "../../app";
import { parse, readObject, respond } from "../../http/respond";
import { receiveAlerts } from "../../services/receive-alerts";
import { authorizeProject, authorizeToken } from "../../http/authorize";

const labels = z.record(z.string(), z.string());
const rfc3339 = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), "an RFC 3339 time");

/** Alertmanager's webhook notification, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const alertmanagerNotification = z.object({
  version: z.literal("4", { error: 'Shiplane reads Alertmanager\'s webhook payload version "4".' }),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string().optional(),
  groupKey: z.string().optional(),
  groupLabels: labels.optional(),
  commonLabels: labels.optional(),
  commonAnnotations: labels.optional(),
  externalURL: z.string().optional(),
  truncatedAlerts: z.number().int().optional(),
  alerts: z
    .array(
      z.object({
        status: z.enum(["firing", "resolved"]),
        labels,
        annotations: labels.default({}),
        startsAt: rfc3339,
        endsAt: rfc3339.nullish(),
        // A link back to the alert's source; one that is not http(s) is dropped, never the alert.
        generatorURL: z
          .string()
          .nullish()
          .transform((value) => webUrlOrNull(value)),
        fingerprint: z.string().max(200).nullish(),
      }),
    )
    .max(10_000),
});

/** POST /api/webhooks/alertmanager/{project}, with a bearer token of scope alerts:write (Alertmanager's http_config.authorization). */
export function alertmanagerWebhookHandler(slug: string, req: Request, appSource: () => Promise<App>) {
  return respond(async () => {
    const app = await appSource();
    await authorizeToken(app, req, slug, "alerts:write");
    // Alertmanager's own payload: fields a later version adds are ignored, not refused.
    const notification = alertmanagerNotification.parse(await readObject(req));
    return Response.json(await receiveAlerts(app, slug, notification));
  });
}

/** GET /api/v1/projects/{project}/alerts?status=firing|resolved&environment=NAME (items:read). */
export function listAlertsHandler(slug: string, req: Request, appSource: () => Promise<App>) {
  return respond(async () => {
    const app = await appSource();
    const { project } = await authorizeProject(app, req, slug, "items:read");
    const url = new URL(req.url);
    const status = parse(z.enum(["firing", "resolved"]).optional(), url.searchParams.get("status") ?? undefined);
    const environments = await listEnvironments(app.database, project.id);
    const named = url.searchParams.get("environment");
    const environment = named ? environments.find((e) => e.name === named) : undefined;
    const alerts =
      named && !environment
        ? []
        : await listAlerts(app.database, project.id, { status, environmentId: environment?.id });
    return Response.json({
      alerts: alerts.map(({ projectId, environmentId, ...alert }) => {
        void projectId;
        return { ...alert, environment: environments.find((e) => e.id === environmentId)?.name ?? null };
      }),
    });
  });
}
