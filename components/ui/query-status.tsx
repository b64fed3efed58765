"use client";

import { errorDetails } from "./errors";

/** What a page shows while its data loads, or when it could not be loaded (the message says why). */
export function QueryStatus({
  query,
  loading = "Loading…",
  className = "",
}: {
  query: { isPending: boolean; isError: boolean; error: unknown };
  loading?: string;
  className?: string;
}) {
  if (query.isError) {
    return (
      <p role="alert" className={`text-red-700 dark:text-red-400 ${className}`}>
        {errorDetails(query.error).message}
      </p>
    );
  }
  return query.isPending ? <p className={`muted ${className}`}>{loading}</p> : null;
}
