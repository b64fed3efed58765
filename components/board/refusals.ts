"use client";

import { useSyncExternalStore } from "react";

/**
 * The last refusal of each card's move, kept so that the card's panel can show it beside the
 * control that asked (the notice in the corner says it too, and goes away).
 */
export interface Refusal {
  title: string;
  lines: string[];
}

let refusals = new Map<number, Refusal>();
const listeners = new Set<() => void>();

function set(id: number, refusal: Refusal | null) {
  if (!refusal && !refusals.has(id)) return;
  refusals = new Map(refusals);
  if (refusal) refusals.set(id, refusal);
  else refusals.delete(id);
  listeners.forEach((listener) => listener());
}

export const reportRefusal = (id: number, refusal: Refusal) => set(id, refusal);
export const clearRefusal = (id: number) => set(id, null);

export function useRefusal(id: number): Refusal | null {
  const all = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => refusals,
    () => refusals,
  );
  return all.get(id) ?? null;
}
