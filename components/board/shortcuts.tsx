"use client";

import { useEffect, useRef } from "react";
import { Dialog } from "../ui/dialog";

const SHORTCUTS: [string, string][] = [
  ["Ctrl K, ⌘ K", "Find a card, an action or a page"],
  ["N", "New idea"],
  ["/", "Search"],
  ["J, K", "Focus the next or previous card in the column"],
  ["H, L", "Focus a card in the previous or next column"],
  ["Enter", "Open the focused card"],
  ["E", "Edit the focused card"],
  ["M", "Move the focused card to…"],
  ["A", "Assign the focused card to me"],
  ["Space", "Pick up the focused card; Space again drops it"],
  ["← →", "With a card picked up: the previous or next column, empty ones too"],
  ["↑ ↓", "With a card picked up: up or down in its column"],
  ["Escape", "Put a picked-up card back, close a panel"],
  ["?", "This list"],
];

/** Single-key shortcuts, ignored while typing in a field. */
export function useShortcuts(handlers: Record<string, () => void>) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (target.closest("input, textarea, select, [contenteditable=true], dialog[open]")) return;
      const handler = ref.current[event.key] ?? ref.current[event.key.toLowerCase()];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** Ctrl-K or ⌘-K, from anywhere on the page (a field included), opens the command palette. */
export function usePaletteShortcut(open: () => void) {
  const ref = useRef(open);
  useEffect(() => {
    ref.current = open;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k" && !event.altKey) {
        event.preventDefault();
        ref.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-[13px]">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-[var(--border)] px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
