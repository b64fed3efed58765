"use client";

import type { ReleasesData, useReleaseActions } from "./use-releases";
import { useAccess } from "../access/access";
import { Button } from "../ui/button";

/** The project's release policy: automatic promotion, stop the line, and the freeze in force. */
export function PolicyBar({
  project,
  policy,
  actions,
}: {
  project: string;
  policy: ReleasesData["policy"];
  actions: ReturnType<typeof useReleaseActions>;
}) {
  const access = useAccess();
  return (
    <section
      aria-label="Release policy"
      className="panel flex flex-wrap items-center gap-3 rounded-md px-3 py-2 text-[13px]"
    >
      <label className="flex items-center gap-2" title={access.why("admin")}>
        <input
          type="checkbox"
          disabled={!access.allows("admin")}
          checked={policy.autoPromote}
          onChange={(e) => actions.setPolicy.mutate({ project, autoPromote: e.target.checked })}
        />
        Auto-promote when every gate is green
      </label>
      <span className="muted">·</span>
      {policy.lineStopped ? (
        <span role="status" className="font-medium text-red-700 dark:text-red-400">
          Line stopped by {policy.lineStopped.by}: {policy.lineStopped.reason}
        </span>
      ) : (
        <span className="muted">Line running</span>
      )}
      <Button
        needs="admin"
        variant={policy.lineStopped ? "secondary" : "danger"}
        className="h-7 text-xs"
        onClick={() => {
          if (policy.lineStopped) return actions.setPolicy.mutate({ project, lineStopped: null });
          const reason = window.prompt("Stop the line: no promotion until it is resumed. Why?", "");
          if (reason) actions.setPolicy.mutate({ project, lineStopped: { reason } });
        }}
      >
        {policy.lineStopped ? "Resume the line" : "Stop the line"}
      </Button>
      <span className="muted">·</span>
      {policy.freezeNow ? (
        <span role="status" className="font-medium text-amber-800 dark:text-amber-300">
          Deploy freeze until {policy.freezeNow.endsAt.toLocaleString()}
          {policy.freezeNow.note ? ` (${policy.freezeNow.note})` : ""}
        </span>
      ) : (
        <span className="muted">
          {policy.freezeWindows.length
            ? `${policy.freezeWindows.length} freeze window${policy.freezeWindows.length > 1 ? "s" : ""}, none in force`
            : "No freeze windows"}
        </span>
      )}
      <Button
        needs="admin"
        variant="ghost"
        className="h-7 text-xs"
        onClick={() => {
          const current = policy.freezeWindows
            .map((w) => `${w.cron} | ${w.durationMinutes} | ${w.timezone ?? ""} | ${w.note ?? ""}`)
            .join("\n");
          const text = window.prompt(
            'Freeze windows, one per line: "cron | minutes | time zone | note", e.g. "0 16 * * 5 | 3840 | Europe/Berlin | weekend"',
            current,
          );
          if (text === null) return;
          const freezeWindows = text
            .split(/\n|;/)
            .map((line) => line.split("|").map((part) => part.trim()))
            .filter((parts) => parts[0])
            .map(([cron, minutes, timezone, note]) => ({
              cron,
              durationMinutes: Number(minutes) || 60,
              timezone: timezone || null,
              note: note || null,
            }));
          actions.setPolicy.mutate({ project, freezeWindows });
        }}
      >
        Freeze windows…
      </Button>
      <span className="muted">·</span>
      <Button
        needs="admin"
        variant="ghost"
        className="h-7 text-xs"
        title="Which Alertmanager label names the environment of an alert"
        onClick={() => {
          const label = window.prompt(
            `Alerts name their environment in the label (then "environment", then "env"):`,
            policy.alertEnvironmentLabels[0],
          );
          if (label !== null) actions.setPolicy.mutate({ project, alertEnvironmentLabel: label.trim() || null });
        }}
      >
        Alert label: {policy.alertEnvironmentLabels[0]}
      </Button>
    </section>
  );
}
