"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Toaster } from "./toaster";

const FIRST_FIELD = "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])";

/**
 * A modal built on the native <dialog>: focus trapping, Escape and the backdrop come from the
 * browser. It opens with focus on its first field (a side panel on its content, so that typing
 * never lands in a field by surprise), shows the page's notices above itself, and, while `unsaved`
 * names something that closing would lose, asks to keep editing or discard first.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  side = false,
  unsaved = null,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  side?: boolean;
  unsaved?: string | null;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const first = side ? null : body.current?.querySelector<HTMLElement>(FIRST_FIELD);
      (first ?? body.current)?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, side]);
  const close = () => {
    if (unsaved) setConfirming(true);
    else onClose();
  };
  const discard = () => {
    setConfirming(false);
    onClose();
  };
  const placement = side
    ? "m-0 ml-auto h-full max-h-full w-[560px] max-w-full rounded-none"
    : "mx-auto mt-[12vh] w-[480px] max-w-[calc(100%-2rem)] rounded-lg";
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={() => {
        setConfirming(false);
        onClose();
      }}
      onCancel={(event) => {
        // Escape: the same question as ×, when something would be lost.
        if (!unsaved) return;
        event.preventDefault();
        setConfirming(true);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && unsaved) {
          event.preventDefault();
          setConfirming(true);
        }
      }}
      onClick={(event) => {
        if (event.target === ref.current) close();
      }}
      className={`panel p-0 text-[var(--text)] shadow-2xl ${placement}`}
    >
      {open && (
        <div className="flex h-full flex-col">
          <header className="flex items-center justify-between gap-2 border-b border-[var(--border)] px-4 py-3">
            <h2 className="min-w-0 text-[15px] font-semibold break-words">{title}</h2>
            <button
              type="button"
              aria-label="Close"
              onClick={close}
              className="muted shrink-0 rounded px-1.5 text-xl leading-none hover:text-current"
            >
              ×
            </button>
          </header>
          {confirming && unsaved && (
            <div
              role="alertdialog"
              aria-label="Unsaved changes"
              className="flex flex-wrap items-center gap-2 border-b border-amber-300 bg-amber-50 px-4 py-2 text-[13px] text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
            >
              <p className="min-w-0 flex-1">{unsaved} Closing now loses them.</p>
              <button
                type="button"
                autoFocus
                className="h-8 rounded-md border border-current/30 px-3 font-medium"
                onClick={() => setConfirming(false)}
              >
                Keep editing
              </button>
              <button
                type="button"
                className="h-8 rounded-md bg-red-700 px-3 font-medium text-white hover:bg-red-800"
                onClick={discard}
              >
                Discard
              </button>
            </div>
          )}
          <div ref={body} tabIndex={-1} className="min-h-0 flex-1 overflow-y-auto p-4 outline-none">
            {children}
          </div>
          <Toaster />
        </div>
      )}
    </dialog>
  );
}
