"use client";

import { WebLink } from "../ui/web-link";
import { isWebUrl } from "@/domain/web-url";
import { useState } from "react";
import { Pill } from "../board/badges";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { EnvironmentSettingsDialog, NewEnvironmentDialog } from "./environment-settings";
import { RollbackDialog } from "./rollback-dialog";
import type { EnvironmentView, useReleaseActions } from "./use-releases";

/** An environment's health at a glance: what it serves, its slots, its schedule, and Roll back. */
export function EnvironmentCard({
  project,
  environment,
  environments,
  actions,
}: {
  project: string;
  environment: EnvironmentView;
  environments: EnvironmentView[];
  actions: ReturnType<typeof useReleaseActions>;
}) {
  const [editing, setEditing] = useState(false);
  const [copying, setCopying] = useState(false);
  const [rollingBack, setRollingBack] = useState(false);
  const blueGreen = environment.strategy === "blue-green";
  const canRollBack = Boolean(environment.serving);
  const site = environment.settings.url;
  return (
    <article className="panel space-y-2 rounded-md p-3 text-[13px]" aria-label={`Environment ${environment.name}`}>
      <header className="flex items-center gap-2">
        <h2 className="text-[15px] font-semibold">{environment.name}</h2>
        <span className="muted text-xs">
          {environment.kind} · {environment.strategy}
        </span>
        {environment.status !== "ready" && (
          <Pill
            tone={environment.status === "failed" ? "red" : "amber"}
            label={environment.status}
            title={environment.provisionLog || environment.status}
          />
        )}
      </header>
      <p>
        Serving{" "}
        {environment.serving ? (
          <strong aria-label={`${environment.name} serves ${environment.serving.version}`}>
            {environment.serving.version}
          </strong>
        ) : (
          <span className="muted">nothing yet</span>
        )}
        {isWebUrl(site) && (
          <>
            {" · "}
            <WebLink href={site} newTab>
              open
            </WebLink>
          </>
        )}
      </p>
      {blueGreen && (
        <ul className="flex gap-2" aria-label="Slots">
          {environment.slots.map((slot) => (
            <li
              key={slot.slot}
              className={`flex-1 rounded border px-2 py-1 text-xs ${slot.active ? "border-emerald-600/50 bg-emerald-50 dark:bg-emerald-500/10" : "border-[var(--border)]"}`}
              aria-label={`Slot ${slot.slot}${slot.active ? " (active)" : " (idle)"}: ${slot.version ?? "empty"}`}
            >
              <span
                className={
                  slot.slot === "blue" ? "text-blue-700 dark:text-blue-400" : "text-emerald-700 dark:text-emerald-400"
                }
              >
                ●
              </span>{" "}
              {slot.slot} <strong>{slot.version ?? "—"}</strong>{" "}
              <span className="muted">{slot.active ? "active" : "idle"}</span>
            </li>
          ))}
        </ul>
      )}
      {environment.firingAlerts.length > 0 ? (
        <ul aria-label={`Alerts firing on ${environment.name}`} className="space-y-0.5 text-xs">
          {environment.firingAlerts.map((alert) => (
            <li key={alert.id} className="flex items-center gap-1">
              <Pill
                tone={alert.severity === "critical" ? "red" : "amber"}
                label={alert.severity}
                title={alert.summary}
              />{" "}
              <strong>{alert.name}</strong>
              <span className="muted truncate">
                {alert.summary !== alert.name ? `${alert.summary} · ` : ""}since <RelativeTime date={alert.startsAt} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted text-xs">No alert firing.</p>
      )}
      {environment.schedule && (
        <p className="muted text-xs">
          Deploys the newest release on <code>{environment.schedule.cron}</code>
          {environment.schedule.timezone ? ` (${environment.schedule.timezone})` : ""}; next{" "}
          {environment.schedule.next ? environment.schedule.next.toLocaleString() : "never"}.
        </p>
      )}
      <div className="flex flex-wrap gap-1">
        <Button
          needs="release-manager"
          variant="danger"
          className="h-7 text-xs"
          disabled={!canRollBack || actions.rollback.isPending}
          title={
            canRollBack
              ? "Go back to the release served before this one (named before it runs)"
              : `${environment.name} serves no release yet`
          }
          onClick={() => setRollingBack(true)}
        >
          Roll back…
        </Button>
        <Button
          needs="admin"
          variant="ghost"
          className="h-7 whitespace-nowrap px-2 text-xs"
          onClick={() => setEditing(true)}
        >
          Settings
        </Button>
        <Button
          needs="admin"
          variant="ghost"
          className="h-7 whitespace-nowrap px-2 text-xs"
          onClick={() => setCopying(true)}
          title="Copy this environment's settings under a new name"
        >
          New from template
        </Button>
      </div>
      <EnvironmentSettingsDialog
        project={project}
        environment={environment}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={actions.refresh}
      />
      <NewEnvironmentDialog
        project={project}
        template={environment}
        taken={environments.map((e) => e.name)}
        open={copying}
        onClose={() => setCopying(false)}
        onSaved={actions.refresh}
      />
      <RollbackDialog
        project={project}
        environment={rollingBack ? environment.name : null}
        busy={actions.rollback.isPending}
        onClose={() => setRollingBack(false)}
        onConfirm={(reason) =>
          actions.rollback.mutate(
            { project, environment: environment.name, reason },
            { onSettled: () => setRollingBack(false) },
          )
        }
      />
    </article>
  );
}
