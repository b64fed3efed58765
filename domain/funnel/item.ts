import { DomainError } from "../errors";
import type { StageKey } from "./stages";

export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const LABEL_MAX = 40;

export function itemKey(prefix: string, number: number): string {
  return `${prefix}-${number}`;
}

export function normaliseTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw new DomainError("VALIDATION", "A card needs a title.", { field: "title" });
  if (trimmed.length > TITLE_MAX) {
    throw new DomainError(
      "VALIDATION",
      `A title is at most ${TITLE_MAX} characters (this one has ${trimmed.length}).`,
      {
        field: "title",
      },
    );
  }
  return trimmed;
}

/** Labels are trimmed, lower-cased, de-duplicated and kept in the order given. */
export function normaliseLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of labels) {
    const label = raw.trim().toLowerCase();
    if (!label) continue;
    if (label.length > LABEL_MAX) {
      throw new DomainError("VALIDATION", `A label is at most ${LABEL_MAX} characters: "${label.slice(0, 20)}…".`, {
        field: "labels",
      });
    }
    seen.add(label);
  }
  return [...seen];
}

export function normaliseOwner(owner: string | null | undefined): string | null {
  const trimmed = owner?.trim();
  return trimmed ? trimmed : null;
}

/** How long a card may wait in a stage before the board calls it ageing; null never ages. */
export const AGEING_DAYS: Record<StageKey, number | null> = {
  idea: 30,
  story: 14,
  code: 5,
  build: 3,
  test: 3,
  live: null,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function ageing(stage: StageKey, enteredAt: Date, now: Date): { days: number; ageing: boolean } {
  const days = Math.floor((now.getTime() - enteredAt.getTime()) / DAY_MS);
  const limit = AGEING_DAYS[stage];
  return { days, ageing: limit !== null && days >= limit };
}
