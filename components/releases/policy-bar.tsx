"use client";

import { useState } from "react";
import type { ReleasesData, useReleaseActions } from "./use-releases";
import { useAccess } from "../access/access";
import { Button } from "../ui/button";
import { PromptDialog } from "../ui/prompt-dialog";

/** Freeze windows as the dialog edits them: "cron | minutes | time zone | note", one per line. */
function freezeText(windows: ReleasesData["policy"]["freezeWindows"]): string {
  return windows.map((w) => `${w.cron} | ${w.durationMinutes} | ${w.timezone ?? ""} | ${w.note ?? ""}`).join("\n");
}

function parseFreezeText(text: string) {
  return text
    .split(/\n|;/)
    .map((line) => line.split("|").map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([cron, minutes, timezone, note]) => ({
      cron,
      durationMinutes: Number(minutes) || 60,
      timezone: timezone || null,
      note: note || null,
    }));
}

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
  const [asking, setAsking] = useState<"line" | "freeze" | "label" | null>(null);
  const done = { onSettled: () => setAsking(null) };
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
          setAsking("line");
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
      <Button needs="admin" variant="ghost" className="h-7 text-xs" onClick={() => setAsking("freeze")}>
        Freeze windows…
      </Button>
      <span className="muted">·</span>
      <Button
        needs="admin"
        variant="ghost"
        className="h-7 text-xs"
        title="Which Alertmanager label names the environment of an alert"
        onClick={() => setAsking("label")}
      >
        Alert label: {policy.alertEnvironmentLabels[0]}
      </Button>
      <PromptDialog
        open={asking === "line"}
        title="Stop the line?"
        label="Why (recorded)"
        hint="No promotion and no scheduled deploy runs until the line is resumed; an admin may override it with a reason."
        required
        danger
        confirm="Stop the line"
        busy={actions.setPolicy.isPending}
        onClose={() => setAsking(null)}
        onConfirm={(reason) => actions.setPolicy.mutate({ project, lineStopped: { reason } }, done)}
      />
      <PromptDialog
        open={asking === "freeze"}
        title="Freeze windows"
        label="One window per line: cron | minutes | time zone | note"
        hint='e.g. "0 16 * * 5 | 3840 | Europe/Berlin | weekend" holds promotions from Friday 16:00 for 64 hours. Empty: no freeze.'
        initial={freezeText(policy.freezeWindows)}
        confirm="Save freeze windows"
        busy={actions.setPolicy.isPending}
        onClose={() => setAsking(null)}
        onConfirm={(text) => actions.setPolicy.mutate({ project, freezeWindows: parseFreezeText(text) }, done)}
      />
      <PromptDialog
        open={asking === "label"}
        title="Which alert label names the environment?"
        label="Label"
        hint='Alertmanager alerts name their environment in this label, then "environment", then "env". Empty: those two.'
        initial={policy.alertEnvironmentLabels[0]}
        confirm="Save"
        busy={actions.setPolicy.isPending}
        onClose={() => setAsking(null)}
        onConfirm={(label) => actions.setPolicy.mutate({ project, alertEnvironmentLabel: label || null }, done)}
      />
    </section>
  );
}
