"use client";

import type { ReactNode } from "react";
import { QueryStatus } from "../ui/query-status";

/** What every metrics section asks for: the project and the date range. */
export type MetricsInput = { project: string; from: string; to: string };

/** A metrics section: its heading, and its query's loading and error states. */
export function Section({
  title,
  id,
  query,
  children,
}: {
  title: string;
  id: string;
  query: { isPending: boolean; isError: boolean; error: unknown };
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-[16px] font-semibold">
        {title}
      </h2>
      <QueryStatus query={query} loading="Computing…" className="text-[13px]" />
      {!query.isPending && !query.isError && children}
    </section>
  );
}
