"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

type Tone = "success" | "error" | "info";
interface Toast {
  id: number;
  tone: Tone;
  title: string;
  lines: string[];
}

/**
 * What is shown, and where: every open dialog hosts the notices while it is open (a modal dialog
 * sits above the page and makes the rest inert, so notices under it would be neither seen nor
 * announced); the newest host shows them, the page's own when no dialog is open.
 */
let state: { toasts: Toast[]; host: symbol | null } = { toasts: [], host: null };
const hosts: symbol[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());
const setToasts = (toasts: Toast[]) => {
  state = { ...state, toasts };
  emit();
};
const setHosts = () => {
  state = { ...state, host: hosts.at(-1) ?? null };
  emit();
};

function push(tone: Tone, title: string, lines: string[] = []) {
  const id = nextId++;
  setToasts([...state.toasts, { id, tone, title, lines }].slice(-4));
  setTimeout(() => dismiss(id), tone === "error" ? 10_000 : 5_000);
}

function dismiss(id: number) {
  setToasts(state.toasts.filter((t) => t.id !== id));
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

/** Where notices show: once in the page's layout, and inside every dialog (the Dialog does it). */
export function Toaster() {
  const [me] = useState(() => Symbol("toaster"));
  useEffect(() => {
    hosts.push(me);
    setHosts();
    return () => {
      hosts.splice(hosts.indexOf(me), 1);
      setHosts();
    };
  }, [me]);
  const { toasts: items, host } = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => state,
  );
  if (host !== me) return null;
  return (
    <div
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
      aria-live="polite"
    >
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
