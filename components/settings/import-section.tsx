"use client";

import { useState } from "react";
import { STAGE_KEYS, STAGE_NAMES } from "../../domain/funnel/stages";
import { Button } from "../ui/button";
import { toast } from "../ui/toaster";

interface Report {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  perStage: Record<string, number>;
  skipped: Record<string, number>;
  history: { moves: number; comments: number; partial: boolean };
  warnings: string[];
  lists: { id: string; name: string; stage: string; cards: number }[];
}

/**
 * Settings → Import: a Trello board (JSON) or a Pivotal Tracker CSV. The file is read first as a
 * dry run — counts per stage, what is skipped and why, warnings, and for Trello each list's stage
 * to confirm or change — then imported, all or nothing, with its report.
 */
export function ImportSection({ project }: { project: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<"trello" | "pivotal">("trello");
  const [archived, setArchived] = useState(false);
  const [map, setMap] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean, chosen = file, stages = map) => {
    if (!chosen) return null;
    const query = new URLSearchParams({ source, dryRun: String(dryRun), archived: String(archived) });
    for (const [id, stage] of Object.entries(stages)) query.append("map", `${id}=${stage}`);
    setBusy(true);
    try {
      const answer = await fetch(`/api/v1/projects/${encodeURIComponent(project)}/imports?${query}`, {
        method: "POST",
        body: chosen,
        headers: { "content-type": source === "trello" ? "application/json" : "text/csv" },
      });
      const body = await answer.json();
      if (!answer.ok) {
        setError(body?.error?.message ?? `The import was refused (${answer.status}).`);
        return null;
      }
      setError(null);
      return body as Report;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-heading" className="space-y-3">
      <h2 id="import-heading" className="text-[15px] font-semibold">
        Import and export
      </h2>
      <p className="muted text-[13px]">
        Bring in a Trello board (Menu → Print, export and share → Export as JSON) or a Pivotal Tracker project (More →
        Export CSV) with its history. You see what would be imported before anything is written; importing the same file
        again only updates what changed.
      </p>
      <div className="flex flex-wrap items-end gap-3 text-[13px]">
        <label className="flex flex-col gap-1">
          <span className="font-medium">From</span>
          <select
            className="h-8 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2"
            value={source}
            onChange={(event) => {
              setSource(event.target.value as "trello" | "pivotal");
              setPreview(null);
            }}
          >
            <option value="trello">Trello board (JSON)</option>
            <option value="pivotal">Pivotal Tracker (CSV)</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Export file</span>
          <input
            type="file"
            accept={source === "trello" ? ".json,application/json" : ".csv,text/csv"}
            onChange={async (event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setMap({});
              setDone(null);
              setPreview(chosen ? await send(true, chosen, {}) : null);
            }}
          />
        </label>
        {source === "trello" && (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={archived}
              onChange={(event) => {
                setArchived(event.target.checked);
                setPreview(null);
              }}
            />
            Archived cards too (into the Archive)
          </label>
        )}
        {file && !preview && (
          <Button disabled={busy} onClick={async () => setPreview(await send(true))}>
            Preview
          </Button>
        )}
      </div>
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-2 text-[13px] text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {error}
        </p>
      )}
      {preview && !done && (
        <div className="panel space-y-3 rounded-md p-3 text-[13px]" aria-label="Import preview">
          {preview.lists.length > 0 && (
            <fieldset className="space-y-1">
              <legend className="font-medium">Trello lists and the stage each goes to</legend>
              {preview.lists.map((list) => (
                <label key={list.id} className="flex flex-wrap items-center gap-2">
                  <span className="min-w-48">
                    {list.name} <span className="muted">({list.cards})</span>
                  </span>
                  <select
                    aria-label={`Stage for the list ${list.name}`}
                    className="h-7 rounded-md border border-[var(--border)] bg-[var(--panel)] px-1"
                    value={map[list.id] ?? list.stage}
                    onChange={async (event) => {
                      const next = { ...map, [list.id]: event.target.value };
                      setMap(next);
                      setPreview(await send(true, file, next));
                    }}
                  >
                    {STAGE_KEYS.map((stage) => (
                      <option key={stage} value={stage}>
                        {STAGE_NAMES[stage]}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          <ReportLines report={preview} />
          <Button
            variant="primary"
            needs="admin"
            disabled={busy}
            onClick={async () => {
              const report = await send(false);
              if (report) {
                setDone(report);
                toast.success(`Imported ${report.created} cards (${report.updated} updated)`);
              }
            }}
          >
            Import {preview.created} new, update {preview.updated}
          </Button>
        </div>
      )}
      <p className="flex flex-wrap gap-3 text-[13px]">
        <span className="muted">Take everything out:</span>
        <a
          className="text-blue-700 underline dark:text-blue-400"
          href={`/api/v1/projects/${encodeURIComponent(project)}/export?format=json`}
          download
        >
          Export JSON (every card with its history)
        </a>
        <a
          className="text-blue-700 underline dark:text-blue-400"
          href={`/api/v1/projects/${encodeURIComponent(project)}/export?format=csv`}
          download
        >
          Export CSV (a row per card)
        </a>
      </p>
      {done && (
        <div role="status" aria-label="Import report" className="panel space-y-2 rounded-md p-3 text-[13px]">
          <p className="font-medium">Imported.</p>
          <ReportLines report={done} />
          <a className="text-blue-700 underline dark:text-blue-400" href={`/p/${project}`}>
            Open the board
          </a>
        </div>
      )}
    </section>
  );
}

function ReportLines({ report }: { report: Report }) {
  const skipped = Object.entries(report.skipped);
  return (
    <ul className="list-disc space-y-0.5 pl-5">
      <li>
        {report.created} new, {report.updated} updated, {report.unchanged} unchanged:{" "}
        {[...STAGE_KEYS, "archived"]
          .filter((stage) => report.perStage[stage])
          .map((stage) => `${STAGE_NAMES[stage as keyof typeof STAGE_NAMES] ?? "Archive"} ${report.perStage[stage]}`)
          .join(", ")}
      </li>
      <li>
        History: {report.history.moves} moves, {report.history.comments} comments
        {report.history.partial && " — partial: the export does not hold all of it"}
      </li>
      {skipped.map(([why, count]) => (
        <li key={why}>
          Skipped {count}: {why}
        </li>
      ))}
      {report.warnings.map((warning) => (
        <li key={warning} className="text-amber-800 dark:text-amber-300">
          {warning}
        </li>
      ))}
    </ul>
  );
}
