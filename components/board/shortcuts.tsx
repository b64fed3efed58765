"use client";

import { useEffect, useRef } from "react";
import { Dialog } from "../ui/dialog";

const SHORTCUTS: [string, string][] = [
  ["N", "New idea"],
  ["/", "Search"],
  ["Tab", "Focus the next card"],
  ["Enter", "Open the focused card"],
  ["Space, arrows, Space", "Pick up, move and drop the focused card"],
  ["Escape", "Cancel a move, close a panel"],
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
