import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

const CONTROL =
  "w-full rounded-md border border-[var(--border)] bg-[var(--panel)] px-2.5 py-1.5 text-[13px] placeholder:text-[var(--muted)] focus:border-blue-500 focus:outline-none";

/** A labelled control; `error` is the server's word on this field, shown beside it. */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <label className="block">
      <span className="mb-1 block text-xs font-medium">{label}</span>
      {children}
      {error ? (
        <span role="alert" className="mt-1 block text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : (
        hint && <span className="muted mt-1 block text-xs">{hint}</span>
      )}
    </label>
  );
}

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${CONTROL} h-8 ${props.className ?? ""}`} />;
}

export function TextArea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} className={`${CONTROL} min-h-20 ${props.className ?? ""}`} />;
}
