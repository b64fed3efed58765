"use client";

import type { StepConfig, VerifyConfig } from "../../domain/release/environment";
import { Field, TextInput } from "../ui/field";

export const SELECT = "h-8 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-[13px]";

export type StepKind = "none" | "command" | "webhook" | "external";
export interface StepDraft {
  kind: StepKind;
  command: string;
  url: string;
  secret: string;
  timeoutSeconds: string;
}

export function draftOf(step: StepConfig | VerifyConfig | null): StepDraft {
  if (!step) return { kind: "none", command: "", url: "", secret: "", timeoutSeconds: "" };
  return {
    kind: step.type,
    command: step.type === "command" ? step.command : "",
    url: step.type === "webhook" ? step.url : "",
    secret: "",
    timeoutSeconds: String(step.timeoutSeconds),
  };
}

export function stepOf(draft: StepDraft): Record<string, unknown> | null {
  const timeoutSeconds = draft.timeoutSeconds ? Number(draft.timeoutSeconds) : undefined;
  if (draft.kind === "none") return null;
  if (draft.kind === "command") return { type: "command", command: draft.command, timeoutSeconds };
  if (draft.kind === "external") return { type: "external", timeoutSeconds };
  return { type: "webhook", url: draft.url, secret: draft.secret, timeoutSeconds };
}

/** One step of an environment: none, a command (run on a worker), a webhook or an external runner. */
export function StepEditor({
  label,
  draft,
  onChange,
  kinds,
  hint,
  invalid = {},
}: {
  label: string;
  draft: StepDraft;
  onChange: (d: StepDraft) => void;
  kinds: StepKind[];
  hint: string;
  /** The server's word on this step's fields, by field name. */
  invalid?: Record<string, string>;
}) {
  return (
    <fieldset className="space-y-2 rounded-md border border-[var(--border)] p-2">
      <legend className="px-1 text-xs font-medium">{label}</legend>
      <p className="muted text-xs">{hint}</p>
      <select
        aria-label={`${label} type`}
        className={SELECT}
        value={draft.kind}
        onChange={(e) => onChange({ ...draft, kind: e.target.value as StepKind })}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {k === "none" ? "None" : k === "command" ? "Command" : k === "webhook" ? "Webhook" : "External runner"}
          </option>
        ))}
      </select>
      {draft.kind === "command" && (
        <Field
          label={`${label} command`}
          error={invalid.command}
          hint="Runs on a worker, in its own folder, with SHIPLANE_* and this environment's variables."
        >
          <TextInput
            value={draft.command}
            onChange={(e) => onChange({ ...draft, command: e.target.value })}
            className="font-mono"
          />
        </Field>
      )}
      {draft.kind === "webhook" && (
        <>
          <Field label={`${label} URL`} error={invalid.url}>
            <TextInput
              value={draft.url}
              onChange={(e) => onChange({ ...draft, url: e.target.value })}
              placeholder="https://deploy.example.com/hooks/shiplane"
            />
          </Field>
          <Field
            label={`${label} secret`}
            error={invalid.secret}
            hint="Signs each request (X-Shiplane-Signature-256). Leave blank to keep the current one."
          >
            <TextInput
              type="password"
              value={draft.secret}
              onChange={(e) => onChange({ ...draft, secret: e.target.value })}
            />
          </Field>
        </>
      )}
      {draft.kind !== "none" && (
        <Field label={`${label} timeout (seconds)`} error={invalid.timeoutSeconds}>
          <TextInput
            inputMode="numeric"
            value={draft.timeoutSeconds}
            onChange={(e) => onChange({ ...draft, timeoutSeconds: e.target.value })}
            placeholder="default"
          />
        </Field>
      )}
    </fieldset>
  );
}
