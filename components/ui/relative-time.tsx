"use client";

import { formatRelative } from "../../domain/time/relative";

/** "3 h ago", with the exact time on hover. */
export function RelativeTime({ date, now }: { date: Date; now?: Date }) {
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()}>
      {formatRelative(date, now ?? new Date())}
    </time>
  );
}
