/** The funnel's columns, in order. `rejected` is an archive, never a column. */
export const STAGE_KEYS = ["idea", "story", "code", "build", "test", "live"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];
export type ItemStage = StageKey | "rejected";

export const STAGE_NAMES: Record<StageKey, string> = {
  idea: "Idea",
  story: "Story",
  code: "Code",
  build: "Build",
  test: "Test",
  live: "Live",
};

/** Default WIP limits for a new project; null means unlimited. */
export const DEFAULT_WIP_LIMITS: Record<StageKey, number | null> = {
  idea: null,
  story: 20,
  code: 8,
  build: 8,
  test: 6,
  live: null,
};

export interface Stage {
  key: StageKey;
  name: string;
  position: number;
  wipLimit: number | null;
}

export function isStageKey(value: string): value is StageKey {
  return (STAGE_KEYS as readonly string[]).includes(value);
}

export function stageIndex(key: StageKey): number {
  return STAGE_KEYS.indexOf(key);
}

export function defaultStages(): Stage[] {
  return STAGE_KEYS.map((key, position) => ({
    key,
    name: STAGE_NAMES[key],
    position,
    wipLimit: DEFAULT_WIP_LIMITS[key],
  }));
}

/** Over the limit is what the board shows in red; at the limit is a warning. */
export function wipState(count: number, limit: number | null): "ok" | "at-limit" | "over-limit" {
  if (limit === null) return "ok";
  if (count > limit) return "over-limit";
  return count === limit ? "at-limit" : "ok";
}
