"use client";

import { Field, TextArea, TextInput } from "../ui/field";

export type Variables = Record<string, { value: string; secret: boolean }>;

/** "NAME=value" lines of the variables that are (or are not) secret; a secret's value is never shown. */
export function variablesText(variables: Variables, secret: boolean): string {
  return Object.entries(variables)
    .filter(([, v]) => v.secret === secret)
    .map(([name, v]) => `${name}=${secret ? "" : v.value}`)
    .join("\n");
}

/** Both boxes back into variables: a secret line with no value keeps the value it has. */
export function parseVariables(plain: string, secret: string): Variables {
  const out: Variables = {};
  const read = (text: string, isSecret: boolean) => {
    for (const line of text.split("\n")) {
      const at = line.indexOf("=");
      const name = (at < 0 ? line : line.slice(0, at)).trim();
      if (name) out[name] = { value: at < 0 ? "" : line.slice(at + 1), secret: isSecret };
    }
  };
  read(plain, false);
  read(secret, true);
  return out;
}

/** What the environment's steps see beside Shiplane's own variables, and which workers run them. */
export function StepEnvironmentFields({
  tags,
  onTags,
  plain,
  onPlain,
  secret,
  onSecret,
  invalid,
}: {
  tags: string;
  onTags: (value: string) => void;
  plain: string;
  onPlain: (value: string) => void;
  secret: string;
  onSecret: (value: string) => void;
  invalid: Record<string, string>;
}) {
  const variableError = Object.entries(invalid).find(([field]) => field.startsWith("settings.variables"))?.[1];
  return (
    <fieldset className="space-y-2 rounded-md border border-[var(--border)] p-2">
      <legend className="px-1 text-xs font-medium">Where and with what steps run</legend>
      <Field
        label="Worker tags"
        hint="Command steps run on a worker that has all these tags (comma-separated); none: any worker."
        error={invalid["settings.workerTags"]}
      >
        <TextInput value={tags} onChange={(e) => onTags(e.target.value)} placeholder="eu, docker" />
      </Field>
      <Field label="Variables" hint="NAME=value, one per line. Steps see them beside SHIPLANE_*." error={variableError}>
        <TextArea value={plain} onChange={(e) => onPlain(e.target.value)} className="font-mono" />
      </Field>
      <Field
        label="Secret variables"
        hint="NAME=value, one per line: sealed at rest, masked in logs, never shown again. NAME= keeps the current value."
      >
        <TextArea value={secret} onChange={(e) => onSecret(e.target.value)} className="font-mono" />
      </Field>
    </fieldset>
  );
}
