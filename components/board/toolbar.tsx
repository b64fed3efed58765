"use client";

import Link from "next/link";
import { useAccess } from "../access/access";
import { AccountMenu, ProjectNav } from "../project/project-nav";
import type { RefObject } from "react";
import { Button } from "../ui/button";
import type { BoardFilter } from "./board-state";

const SELECT = "h-8 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-[13px]";

export function BoardToolbar({
  project,
  filter,
  owners,
  labels,
  live,
  searchRef,
  onFilter,
  onNewIdea,
  onHelp,
  shown,
  total,
}: {
  project: { name: string; slug: string };
  filter: BoardFilter;
  owners: string[];
  labels: string[];
  live: string;
  searchRef: RefObject<HTMLInputElement | null>;
  onFilter: (name: string, value: string | null) => void;
  onNewIdea: () => void;
  onHelp: () => void;
  shown: number;
  total: number;
}) {
  const filtered = Boolean(filter.q || filter.owner || filter.label);
  const access = useAccess();
  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-[var(--border)] bg-[var(--panel)] px-4 py-2">
      <Link href="/" className="font-semibold tracking-tight">
        Shiplane
      </Link>
      <span className="muted">/</span>
      <span className="font-medium">{project.name}</span>
      <ProjectNav slug={project.slug} current="" />
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search cards"
          placeholder="Search key or title  /"
          defaultValue={filter.q}
          onChange={(event) => onFilter("q", event.target.value || null)}
          className={`${SELECT} w-56 placeholder:text-[var(--muted)]`}
        />
        <select
          aria-label="Owner"
          className={SELECT}
          value={filter.owner}
          onChange={(event) => onFilter("owner", event.target.value || null)}
        >
          <option value="">Any owner</option>
          <option value="none">No owner</option>
          {owners.map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
        </select>
        <select
          aria-label="Label"
          className={SELECT}
          value={filter.label}
          onChange={(event) => onFilter("label", event.target.value || null)}
        >
          <option value="">Any label</option>
          {labels.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
        {filtered && (
          <span className="muted text-xs" role="status">
            {shown} of {total} cards
          </span>
        )}
        <span
          role="status"
          aria-label={live === "pending" ? "Live updates on" : "Live updates off"}
          className={`inline-flex items-center gap-1 text-xs ${live === "pending" ? "text-emerald-700 dark:text-emerald-400" : "muted"}`}
          title={live === "pending" ? "Live: changes by others appear as they happen" : `Live updates: ${live}`}
        >
          <span className={`h-2 w-2 rounded-full ${live === "pending" ? "bg-emerald-500" : "bg-zinc-400"}`} />
          {live === "pending" ? "Live" : live === "connecting" ? "Connecting" : "Offline"}
        </span>
        <Button
          variant="primary"
          onClick={onNewIdea}
          disabled={!access.allows("member")}
          title={access.why("member") ?? "New idea (N)"}
        >
          New idea
        </Button>
        <Button variant="ghost" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </Button>
        <AccountMenu />
      </div>
    </header>
  );
}
