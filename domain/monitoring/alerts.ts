/** Alerts from the monitoring a team already runs (Prometheus Alertmanager), as Shiplane reads them. */

export type AlertStatus = "firing" | "resolved";

export interface AlertInput {
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string | null;
  fingerprint?: string | null;
  generatorURL?: string | null;
}

export interface NormalisedAlert {
  fingerprint: string;
  name: string;
  status: AlertStatus;
  severity: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date;
  endsAt: Date | null;
  generatorUrl: string | null;
  /** The environment named by the alert's labels, if any. */
  environment: string | null;
}

/** Alertmanager's "no end" for a firing alert. */
const ZERO_TIME = /^0001-01-01T00:00:00/;

/** The labels that name an environment, the project's own choice first. */
export function environmentLabels(preferred: string | null): string[] {
  return [...new Set([preferred, "environment", "env"].filter((l): l is string => Boolean(l)))];
}

/** Each alert keeps its own status: a "firing" group may carry resolved alerts. */
export function normaliseAlert(alert: AlertInput, preferredLabel: string | null): NormalisedAlert {
  const labels = alert.labels ?? {};
  const environment = environmentLabels(preferredLabel)
    .map((label) => labels[label])
    .find((value) => Boolean(value));
  const endsAt = alert.endsAt && !ZERO_TIME.test(alert.endsAt) ? new Date(alert.endsAt) : null;
  return {
    // Alertmanager always sends a fingerprint; without one, the sorted labels identify the alert.
    fingerprint: alert.fingerprint || fingerprintOf(labels),
    name: labels.alertname ?? "unnamed alert",
    status: alert.status === "resolved" ? "resolved" : "firing",
    severity: (labels.severity ?? "none").toLowerCase(),
    labels,
    annotations: alert.annotations ?? {},
    startsAt: new Date(alert.startsAt),
    endsAt,
    generatorUrl: alert.generatorURL || null,
    environment: environment ?? null,
  };
}

function fingerprintOf(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(",");
}

/** A one-line summary, from the annotations Alertmanager templates usually fill. */
export function alertSummary(alert: { name: string; annotations: Record<string, string> }): string {
  return alert.annotations.summary ?? alert.annotations.description ?? alert.annotations.message ?? alert.name;
}

/**
 * Which of the times a release went live was live at `at`: the newest change at or before it.
 * An incident is attributed to that deployment only, never to a later one.
 */
export function liveAt<C extends { at: Date }>(changes: readonly C[], at: Date): C | null {
  let found: C | null = null;
  for (const change of changes)
    if (change.at.getTime() <= at.getTime() && (!found || change.at >= found.at)) found = change;
  return found;
}
