"use client";

import { useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

/**
 * A button whose action asks first, in a styled dialog (never the browser's confirm): the
 * dialog says what will happen and confirms with a button that names the action.
 */
export function ConfirmButton({
  title,
  question,
  confirm,
  danger = false,
  onConfirm,
  children,
  ...button
}: Omit<ComponentProps<typeof Button>, "onClick"> & {
  title: string;
  question: ReactNode;
  confirm: string;
  danger?: boolean;
  onConfirm: () => Promise<void> | void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <div className="space-y-4 text-[13px]">
          <p>{question}</p>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              variant={danger ? "danger" : "primary"}
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await onConfirm();
                  setOpen(false);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {confirm}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
