import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

/**
 * Card order within a column is a fractional key: a string that sorts (byte-wise)
 * between its neighbours, so a move rewrites only the moved card.
 */
export function positionBetween(above: string | null, below: string | null): string {
  if (above !== null && below !== null && above >= below) {
    // Neighbours out of order (a concurrent move): place right after `above`.
    return generateKeyBetween(above, null);
  }
  return generateKeyBetween(above, below);
}

export function positionsFor(count: number, after: string | null = null): string[] {
  return generateNKeysBetween(after, null, count);
}

/** Byte-wise comparison, the order the database keeps positions in. */
export function comparePositions(a: { position: string; id: number }, b: { position: string; id: number }): number {
  if (a.position < b.position) return -1;
  if (a.position > b.position) return 1;
  return a.id - b.id;
}
