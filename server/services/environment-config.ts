import { z } from "zod";
import { seal, unseal } from "../../db/secrets";
import { cronProblem } from "../../domain/release/calendar";
import { EMPTY_SETTINGS, type EnvironmentSettings } from "../../domain/release/environment";

const timeout = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(fallback);
const address = z.string().trim().max(2000).nullable().default(null);

export const commandStep = z.object({
  type: z.literal("command"),
  command: z.string().trim().min(1, "a command to run").max(4000),
  timeoutSeconds: timeout(600),
});
export const webhookStep = z.object({
  type: z.literal("webhook"),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  secret: z.string().min(16, "at least 16 characters, to sign the request").max(500),
  timeoutSeconds: timeout(1800),
});
export const step = z.discriminatedUnion("type", [commandStep, webhookStep]);
export const verifyStep = z.discriminatedUnion("type", [
  commandStep,
  z.object({ type: z.literal("external"), timeoutSeconds: timeout(3600) }),
]);

export const scheduleConfig = z
  .object({ cron: z.string().trim().min(1), timezone: z.string().trim().min(1).nullable().default(null) })
  .superRefine((value, ctx) => {
    const problem = cronProblem(value.cron, value.timezone);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["cron"] });
  });

export const environmentSettings = z.object({
  url: address,
  slots: z.object({ blue: address, green: address }).default({ blue: null, green: null }),
  deployer: step.nullable().default(null),
  verify: verifyStep.nullable().default(null),
  switch: step.nullable().default(null),
  provision: step.nullable().default(null),
  schedule: scheduleConfig.nullable().default(null),
  autoRollback: z
    .object({
      withinMinutes: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60),
    })
    .nullable()
    .default(null),
});

type StepKey = "deployer" | "switch" | "provision";
const WEBHOOK_STEPS: StepKey[] = ["deployer", "switch", "provision"];

/** Applies `change` to the secret of each webhook step. */
function mapSecrets<S extends object>(settings: S, change: (secret: string) => string): S {
  const out = { ...settings } as Record<string, unknown>;
  for (const key of WEBHOOK_STEPS) {
    const step = out[key] as { type?: string; secret?: string } | null | undefined;
    if (step?.type === "webhook" && typeof step.secret === "string" && step.secret)
      out[key] = { ...step, secret: change(step.secret) };
  }
  return out as S;
}

/** An environment row's stored settings (secrets decrypted); anything unreadable falls back to "not configured". */
export function readSettings(config: unknown): EnvironmentSettings {
  const parsed = environmentSettings.safeParse(mapSecrets((config ?? {}) as Record<string, unknown>, unseal));
  return parsed.success ? parsed.data : EMPTY_SETTINGS;
}

/** Settings as they are stored: webhook secrets encrypted. */
export function sealSettings<S extends object>(settings: S): S {
  return mapSecrets(settings, seal);
}

/** The settings as the UI and the API show them: webhook secrets are never sent back. */
export function redactSettings(settings: EnvironmentSettings): EnvironmentSettings {
  const hide = <S extends EnvironmentSettings["deployer"]>(s: S): S =>
    s && s.type === "webhook" ? { ...s, secret: "" } : s;
  return {
    ...settings,
    deployer: hide(settings.deployer),
    switch: hide(settings.switch),
    provision: hide(settings.provision),
  };
}
