import { formatDuration } from "../../domain/time/relative";

export const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : `${Math.round(value * 100)}%`;
export const duration = (ms: number | null | undefined) => (ms === null || ms === undefined ? "–" : formatDuration(ms));
export const hours = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : Math.round((ms / 3_600_000) * 10) / 10;

/** The stage colours of the charts, idea to live. */
export const STAGE_COLOURS: Record<string, string> = {
  idea: "#a1a1aa",
  story: "#60a5fa",
  code: "#818cf8",
  build: "#f59e0b",
  test: "#14b8a6",
  live: "#22c55e",
};

/**
 * Legend and tooltip entries in the given order — the funnel's stages, or a chart's own series —
 * since Recharts otherwise sorts them by name (Build, Code, Idea…).
 */
export const inOrder =
  (keys: readonly string[]) =>
  (item: { dataKey?: unknown }): number =>
    keys.indexOf(String(item.dataKey));
