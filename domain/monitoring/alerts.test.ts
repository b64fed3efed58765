import { describe, expect, it } from "vitest";
import { alertSummary, environmentLabels, liveAt, normaliseAlert } from "./alerts";

describe("Alertmanager alerts", () => {
  const base = {
    status: "firing",
    labels: { alertname: "HighErrorRate", severity: "Critical", environment: "live" },
    annotations: { summary: "5xx above 5%" },
    startsAt: "2026-03-02T10:00:00Z",
    endsAt: "0001-01-01T00:00:00Z",
    fingerprint: "abc",
    generatorURL: "http://prom/graph",
  };

  it("reads a firing alert: no end, severity, environment from the label", () => {
    expect(normaliseAlert(base, null)).toEqual({
      fingerprint: "abc",
      name: "HighErrorRate",
      status: "firing",
      severity: "critical",
      labels: base.labels,
      annotations: base.annotations,
      startsAt: new Date("2026-03-02T10:00:00Z"),
      endsAt: null,
      generatorUrl: "http://prom/graph",
      environment: "live",
    });
  });

  it("keeps a resolved alert's own status and end", () => {
    expect(normaliseAlert({ ...base, status: "resolved", endsAt: "2026-03-02T10:05:00Z" }, null)).toMatchObject({
      status: "resolved",
      endsAt: new Date("2026-03-02T10:05:00Z"),
    });
  });

  it("takes the environment from the project's label, then environment, then env", () => {
    expect(environmentLabels("stage")).toEqual(["stage", "environment", "env"]);
    expect(normaliseAlert({ ...base, labels: { alertname: "A", env: "test" } }, null).environment).toBe("test");
    expect(normaliseAlert({ ...base, labels: { alertname: "A", stage: "qa", env: "test" } }, "stage").environment).toBe(
      "qa",
    );
    expect(normaliseAlert({ ...base, labels: { alertname: "A" } }, null)).toMatchObject({
      environment: null,
      severity: "none",
    });
  });

  it("names an alert without a fingerprint by its labels", () => {
    expect(normaliseAlert({ ...base, fingerprint: null }, null).fingerprint).toBe(
      "alertname=HighErrorRate,environment=live,severity=Critical",
    );
  });

  it("summarises from the annotations", () => {
    expect(alertSummary({ name: "A", annotations: { description: "d" } })).toBe("d");
    expect(alertSummary({ name: "A", annotations: {} })).toBe("A");
  });

  it("attributes a time to the change live then, not a later one", () => {
    const changes = [
      { id: 1, at: new Date("2026-03-01T00:00:00Z") },
      { id: 2, at: new Date("2026-03-02T00:00:00Z") },
    ];
    expect(liveAt(changes, new Date("2026-02-28T00:00:00Z"))).toBeNull();
    expect(liveAt(changes, new Date("2026-03-01T12:00:00Z"))?.id).toBe(1);
    expect(liveAt(changes, new Date("2026-03-02T00:00:00Z"))?.id).toBe(2);
  });
});
