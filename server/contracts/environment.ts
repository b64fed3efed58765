import { z } from "zod";
import { cronProblem } from "../../domain/release/calendar";
import { projectRef, webUrl } from "./common";

// An environment's settings (steps, addresses, schedule, automatic rollback) and the project's
// release policy, as the Releases page, the API and the stored rows all read them.

const timeout = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(fallback);
const address = webUrl.nullable().default(null);

export const commandStep = z.object({
  type: z.literal("command"),
  command: z.string().trim().min(1, "a command to run").max(10_000, "at most 10,000 characters"),
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

const tag = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/i, "a tag is 1–40 letters, digits, dots, dashes or underscores");
const variableName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]{0,63}$/, "a variable name is upper case letters, digits and underscores")
  .refine((name) => !name.startsWith("SHIPLANE_"), "SHIPLANE_ variables are Shiplane's own")
  .refine((name) => !["PATH", "HOME", "LANG", "TZ"].includes(name), "PATH, HOME, LANG and TZ come from the worker");

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
  workerTags: z.array(tag).max(10).default([]),
  variables: z
    .record(variableName, z.object({ value: z.string().max(10_000), secret: z.boolean().default(false) }))
    .refine((variables) => Object.keys(variables).length <= 50, "at most 50 variables")
    .default({}),
  commandsSetBy: z.enum(["instance", "project"]).default("instance"),
});

/** An environment's settings as the UI and the API show them (webhook secrets blanked). */
export const environmentSettingsView = z.object({
  url: z.string().nullable(),
  slots: z.object({ blue: z.string().nullable(), green: z.string().nullable() }),
  deployer: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("command"), command: z.string(), timeoutSeconds: z.number() }),
      z.object({ type: z.literal("webhook"), url: z.string(), secret: z.string(), timeoutSeconds: z.number() }),
    ])
    .nullable(),
  verify: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("command"), command: z.string(), timeoutSeconds: z.number() }),
      z.object({ type: z.literal("external"), timeoutSeconds: z.number() }),
    ])
    .nullable(),
  switch: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("command"), command: z.string(), timeoutSeconds: z.number() }),
      z.object({ type: z.literal("webhook"), url: z.string(), secret: z.string(), timeoutSeconds: z.number() }),
    ])
    .nullable(),
  provision: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("command"), command: z.string(), timeoutSeconds: z.number() }),
      z.object({ type: z.literal("webhook"), url: z.string(), secret: z.string(), timeoutSeconds: z.number() }),
    ])
    .nullable(),
  schedule: z.object({ cron: z.string(), timezone: z.string().nullable() }).nullable(),
  autoRollback: z.object({ withinMinutes: z.number() }).nullable(),
  workerTags: z.array(z.string()),
  /** Secret values are blank: they are never sent back. */
  variables: z.record(z.string(), z.object({ value: z.string(), secret: z.boolean() })),
  commandsSetBy: z.enum(["instance", "project"]),
});

/** The project's release policy: automatic promotion, the stop-the-line switch, freeze windows. */
export const policyInput = z.object({
  autoPromote: z.boolean().optional(),
  /** The alert label that names an environment (before `environment` and `env`); null for the defaults. */
  alertEnvironmentLabel: z
    .string()
    .trim()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "a Prometheus label name")
    .max(100)
    .nullable()
    .optional(),
  lineStopped: z
    .object({ reason: z.string().trim().min(1, "say why the line stops").max(500) })
    .nullable()
    .optional(),
  freezeWindows: z
    .array(
      z.object({
        cron: z.string().trim().min(1),
        durationMinutes: z
          .number()
          .int()
          .min(1)
          .max(60 * 24 * 14),
        timezone: z.string().trim().nullish(),
        note: z.string().trim().max(200).nullish(),
      }),
    )
    .max(20)
    .optional(),
});

const environmentName = z.string().min(1).max(100);

export const configureEnvironmentInput = projectRef.extend({
  environment: environmentName,
  strategy: z.enum(["in-place", "blue-green"]).optional(),
  settings: z.record(z.string(), z.unknown()),
});

export const createEnvironmentInput = projectRef.extend({ template: environmentName, name: environmentName });
export const setPolicyInput = projectRef.extend(policyInput.shape);
