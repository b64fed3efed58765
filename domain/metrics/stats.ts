/** Percentiles and distributions of durations (milliseconds). */

export interface DurationSummary {
  count: number;
  p50: number | null;
  p85: number | null;
  p95: number | null;
}

/** The nearest-rank percentile of sorted values (p in 0–100): the smallest value with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function summarise(values: readonly number[]): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p85: percentile(sorted, 85),
    p95: percentile(sorted, 95),
  };
}

export function median(values: readonly number[]): number | null {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The buckets of a duration distribution, short to long. */
export const DURATION_BUCKETS: { label: string; upTo: number }[] = [
  { label: "< 1 h", upTo: HOUR },
  { label: "1–4 h", upTo: 4 * HOUR },
  { label: "4–24 h", upTo: DAY },
  { label: "1–2 d", upTo: 2 * DAY },
  { label: "2–4 d", upTo: 4 * DAY },
  { label: "4–7 d", upTo: 7 * DAY },
  { label: "1–2 w", upTo: 14 * DAY },
  { label: "2–4 w", upTo: 28 * DAY },
  { label: "> 4 w", upTo: Infinity },
];

export function distribution(values: readonly number[]): { bucket: string; count: number }[] {
  const counts = DURATION_BUCKETS.map(() => 0);
  for (const value of values) counts[DURATION_BUCKETS.findIndex((b) => value < b.upTo)]++;
  return DURATION_BUCKETS.map((b, i) => ({ bucket: b.label, count: counts[i] }));
}
