"use client";

import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { Field, TextArea } from "./field";

/**
 * A styled question with one text answer, in place of the browser's prompt: it says what will
 * happen, takes the text (required or not), and confirms with a button that names the action.
 */
export function PromptDialog({
  open,
  title,
  children,
  label,
  hint,
  initial = "",
  required = false,
  confirm,
  danger = false,
  busy = false,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  label: string;
  hint?: string;
  initial?: string;
  required?: boolean;
  confirm: string;
  danger?: boolean;
  busy?: boolean;
  onClose: () => void;
  onConfirm: (text: string) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {open && (
        <PromptForm
          label={label}
          hint={hint}
          initial={initial}
          required={required}
          confirm={confirm}
          danger={danger}
          busy={busy}
          onClose={onClose}
          onConfirm={onConfirm}
        >
          {children}
        </PromptForm>
      )}
    </Dialog>
  );
}

function PromptForm({
  children,
  label,
  hint,
  initial,
  required,
  confirm,
  danger,
  busy,
  onClose,
  onConfirm,
}: {
  children?: ReactNode;
  label: string;
  hint?: string;
  initial: string;
  required: boolean;
  confirm: string;
  danger: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: (text: string) => void;
}) {
  const [text, setText] = useState(initial);
  return (
    <form
      className="space-y-3 text-[13px]"
      onSubmit={(event) => {
        event.preventDefault();
        if (required && !text.trim()) return;
        onConfirm(text.trim());
      }}
    >
      {children}
      <Field label={label} hint={hint}>
        <TextArea autoFocus required={required} value={text} onChange={(event) => setText(event.target.value)} />
      </Field>
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={busy || (required && !text.trim())}>
          {confirm}
        </Button>
      </div>
    </form>
  );
}
