"use client";

import type { ReactNode } from "react";
import { errorDetails } from "../board/use-board";

/** A metrics section: its heading, and its query's loading and error states. */
export function Section({ title, id, query, children }: { title: string; id: string; query: { isPending: boolean; isError: boolean; error: unknown }; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-[16px] font-semibold">
        {title}
      </h2>
      {query.isPending && <p className="muted text-[13px]">Computing…</p>}
      {query.isError && (
        <p role="alert" className="text-[13px] text-red-700 dark:text-red-400">
          {errorDetails(query.error).message}
        </p>
      )}
      {!query.isPending && !query.isError && children}
    </section>
  );
}
