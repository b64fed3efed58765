"use client";

import { useSyncExternalStore } from "react";

type Tone = "success" | "error" | "info";
interface Toast {
  id: number;
  tone: Tone;
  title: string;
  lines: string[];
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

function push(tone: Tone, title: string, lines: string[] = []) {
  const id = nextId++;
  toasts = [...toasts, { id, tone, title, lines }].slice(-4);
  emit();
  setTimeout(() => dismiss(id), tone === "error" ? 10_000 : 5_000);
}

function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Short notices in the corner: errors are announced at once (role alert), the rest politely. */
export const toast = {
  success: (title: string, lines?: string[]) => push("success", title, lines),
  error: (title: string, lines?: string[]) => push("error", title, lines),
  info: (title: string, lines?: string[]) => push("info", title, lines),
};

const TONE: Record<Tone, string> = {
  success: "border-l-emerald-500",
  error: "border-l-red-500",
  info: "border-l-zinc-400",
};

export function Toaster() {
  const items = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
    () => toasts,
  );
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 flex-col gap-2" aria-live="polite">
      {items.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          className={`panel pointer-events-auto rounded-md border-l-4 p-3 shadow-lg ${TONE[t.tone]}`}
        >
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">{t.title}</p>
            <button
              type="button"
              aria-label="Dismiss"
              className="muted -mt-1 px-1 text-lg leading-none hover:text-current"
              onClick={() => dismiss(t.id)}
            >
              ×
            </button>
          </div>
          {t.lines.length > 0 && (
            <ul className="muted mt-1 list-disc space-y-0.5 pl-4 text-[13px]">
              {t.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
