"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { useTRPC } from "../trpc/client";
import { QueryStatus } from "../ui/query-status";
import type { MetricsInput } from "./section";

/** A bar that was clicked: which of its cards to list, and how to name them. */
export interface Picked {
  label: string;
  series: "entered" | "reachedNext" | "live";
  stage?: StageKey;
  week?: string;
}

/** The cards behind a clicked bar, each a link to its panel on the board. */
export function CardsBehind({
  input,
  picked,
  onClose,
}: {
  input: MetricsInput;
  picked: Picked | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.metrics.cards.queryOptions({ ...input, series: picked?.series, stage: picked?.stage, week: picked?.week }),
    enabled: picked !== null,
  });
  if (!picked) return null;
  const data = query.data;
  return (
    <section aria-label={picked.label} className="rounded-md border border-[var(--border)] p-2 text-[13px]">
      <header className="flex items-center gap-2">
        <h4 className="font-medium">{picked.label}</h4>
        {data && (
          <span className="muted text-xs">
            {data.total > data.cards.length ? `the first ${data.cards.length} of ${data.total}` : `${data.total}`}
          </span>
        )}
        <button type="button" className="muted ml-auto px-1" aria-label="Close the list" onClick={onClose}>
          ×
        </button>
      </header>
      <QueryStatus query={query} />
      {data && data.cards.length === 0 && <p className="muted">No card.</p>}
      {data && data.cards.length > 0 && (
        <ul className="mt-1 max-h-48 space-y-0.5 overflow-y-auto">
          {data.cards.map((card) => (
            <li key={card.id} className="flex gap-2">
              <Link
                href={`/p/${input.project}?item=${card.id}`}
                className="font-mono text-blue-700 underline dark:text-blue-400"
              >
                {card.key}
              </Link>
              <span className="min-w-0 flex-1 truncate">{card.title}</span>
              <span className="muted text-xs">
                {card.stage === "rejected" ? "Archived" : (STAGE_NAMES[card.stage as StageKey] ?? card.stage)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
