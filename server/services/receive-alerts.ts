import { normaliseAlert, type AlertInput } from "../../domain/monitoring/alerts";
import { findAlert, insertAlertRow, updateAlertRow } from "../../db/repositories/alerts";
import { listEnvironments } from "../../db/repositories/environments";
import { findAlertEnvironmentLabel } from "../../db/repositories/projects";
import { changeProject } from "../unit-of-work";
import type { App } from "../app";
import { considerAutoRollback } from "./auto-rollback";
import { requireProject } from "./lookups";

export interface AlertNotification {
  status: string;
  alerts: AlertInput[];
}

export interface AlertsReceived {
  received: number;
  fired: number;
  resolved: number;
  unchanged: number;
}

/**
 * Stores an Alertmanager notification's alerts, each keyed by fingerprint and start: a new one
 * is recorded as fired (or resolved), a change of status as resolved or fired again, and a
 * repeated notification changes nothing. A critical alert may roll a blue-green environment back.
 */
export async function receiveAlerts(app: App, slug: string, notification: AlertNotification): Promise<AlertsReceived> {
  const project = await requireProject(app.database, slug);
  const label = await findAlertEnvironmentLabel(app.database, project.id);
  const environments = await listEnvironments(app.database, project.id);
  const counts: AlertsReceived = { received: notification.alerts.length, fired: 0, resolved: 0, unchanged: 0 };
  const fired: { name: string; environmentId: number; startsAt: Date; severity: string }[] = [];
  await changeProject(app, project.id, async (store, record) => {
    const now = app.now();
    for (const input of notification.alerts) {
      const alert = normaliseAlert(input, label);
      const environment =
        environments.find((e) => e.name === alert.environment) ??
        environments.find((e) => e.kind === alert.environment) ??
        null;
      const existing = await findAlert(store, project.id, alert.fingerprint, alert.startsAt);
      if (existing && existing.status === alert.status) {
        counts.unchanged++;
        continue;
      }
      const row = {
        environmentId: environment?.id ?? null,
        name: alert.name,
        status: alert.status,
        severity: alert.severity,
        labels: alert.labels,
        annotations: alert.annotations,
        endsAt: alert.endsAt,
        generatorUrl: alert.generatorUrl,
        updatedAt: now,
      };
      if (existing) await updateAlertRow(store, existing.id, row);
      else
        await insertAlertRow(store, {
          ...row,
          projectId: project.id,
          fingerprint: alert.fingerprint,
          startsAt: alert.startsAt,
        });
      const type = alert.status === "firing" ? "alert.fired" : "alert.resolved";
      counts[alert.status === "firing" ? "fired" : "resolved"]++;
      await record({
        itemId: null,
        type,
        actor: "integration:alertmanager",
        at: alert.status === "firing" ? alert.startsAt : (alert.endsAt ?? now),
        payload: {
          name: alert.name,
          severity: alert.severity,
          environment: environment?.name ?? alert.environment,
          fingerprint: alert.fingerprint,
          startsAt: alert.startsAt,
          summary: alert.annotations.summary ?? null,
        },
      });
      if (alert.status === "firing" && environment)
        fired.push({
          name: alert.name,
          environmentId: environment.id,
          startsAt: alert.startsAt,
          severity: alert.severity,
        });
    }
  });
  for (const alert of fired) if (alert.severity === "critical") await considerAutoRollback(app, project.slug, alert);
  return counts;
}
