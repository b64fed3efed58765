"use client";
import { useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { Button } from "../ui/button";
import { Field, TextInput } from "../ui/field";

/** Posts JSON and returns the error message of a refused answer (or null when it went through). */
export async function postJson(url: string, body: unknown): Promise<string | null> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.ok) return null;
  const data = (await response.json().catch(() => ({}))) as { message?: string; error?: { message?: string } };
  if (response.status === 401 && url.endsWith("/sign-in/email")) return "Wrong email or password.";
  return data.error?.message ?? data.message ?? `The request failed (${response.status}). Try again.`;
}

export function signIn(email: string, password: string) {
  return postJson("/api/auth/sign-in/email", { email, password, rememberMe: true });
}

/** A small form page: fields, one button, and the error of the last attempt in an alert. */
export function AuthForm({
  title,
  intro,
  fields,
  submit,
  onSubmit,
}: {
  title: string;
  intro?: ReactNode;
  fields: { name: string; label: string; type?: string; autoComplete?: string; hint?: string; value?: string }[];
  submit: string;
  onSubmit: (values: Record<string, string>) => Promise<string | null>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until the page's script runs, the button stays disabled: a form sent by the browser itself would put the password in the address.
  const ready = useSyncExternalStore(
    () => () => undefined,
    () => true,
    () => false,
  );
  async function handle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
    setBusy(true);
    setError(null);
    const failed = await onSubmit(values).catch(
      (e: Error) => `Shiplane could not be reached (${e.message}). Try again.`,
    );
    setBusy(false);
    if (failed) setError(failed);
  }
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <form
        method="post"
        onSubmit={handle}
        className="panel w-full max-w-sm space-y-3 rounded-lg border border-[var(--border)] p-6 shadow-sm"
      >
        <div className="text-sm font-semibold tracking-tight">Shiplane</div>
        <h1 className="text-lg font-semibold">{title}</h1>
        {intro ? <div className="muted text-[13px]">{intro}</div> : null}
        {fields.map((field) => (
          <Field key={field.name} label={field.label} hint={field.hint}>
            <TextInput
              name={field.name}
              type={field.type ?? "text"}
              autoComplete={field.autoComplete}
              defaultValue={field.value}
              required={field.name !== "name"}
              readOnly={field.value !== undefined && field.name === "email"}
            />
          </Field>
        ))}
        {error ? (
          <p
            role="alert"
            className="rounded border border-red-300 bg-red-50 px-2 py-1.5 text-[13px] text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="primary" disabled={busy || !ready} className="w-full justify-center">
          {submit}
        </Button>
      </form>
    </main>
  );
}
