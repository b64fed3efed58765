import { z } from "zod";
import { DomainError } from "../../domain/errors";
import { fromTemplate, type EnvironmentSettings } from "../../domain/release/environment";
import { cronProblem } from "../../domain/release/calendar";
import { findEnvironmentByName, insertEnvironmentRow, updateEnvironment } from "../../db/repositories/environments";
import { setAlertEnvironmentLabel, updateDeliveryPolicy } from "../../db/repositories/projects";
import type * as T from "../../db/schema/shared-types";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { environmentSettings, type policyInput } from "../contracts/environment";
import { readSettings, sealSettings } from "./environment-config";
import { checkStepSettings } from "./step-permissions";
import { requireEnvironment, requireProject } from "./lookups";

/** Replaces an environment's settings (deployer, verify, switch, schedule, addresses), validated. */
export async function updateEnvironmentSettings(
  app: App,
  actor: Actor,
  input: { project: string; environment: string; strategy?: T.EnvironmentStrategy; settings: unknown },
): Promise<void> {
  const project = await requireProject(app.database, input.project);
  const environment = await requireEnvironment(app.database, project.id, input.environment);
  const previous = readSettings(environment.config);
  const parsed = environmentSettings.safeParse(
    withBlankSecrets((input.settings ?? {}) as Record<string, unknown>, previous),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[["settings", ...issue.path].join(".")] ??= []).push(issue.message);
    throw new DomainError("VALIDATION", `These settings cannot be saved: ${problems}.`, { field: "settings", fields });
  }
  const settings = parsed.data;
  if (settings.schedule && environment.kind === "live") {
    const message = `${environment.name} is live: it changes only through promotion, so it cannot deploy on a schedule. Schedule test instead, and turn on automatic promotion to take green releases live.`;
    throw new DomainError("VALIDATION", message, {
      field: "settings",
      fields: { "settings.schedule.cron": [message] },
    });
  }
  settings.commandsSetBy = await checkStepSettings(app, actor, project.id, previous, settings);
  const strategy = input.strategy ?? environment.strategy;
  await changeProject(app, project.id, async (store, record) => {
    await updateEnvironment(store, environment.id, {
      config: sealSettings(settings) as unknown as T.EnvironmentConfig,
      strategy,
      activeSlot: strategy === "blue-green" ? (environment.activeSlot ?? "blue") : null,
    });
    await record({
      itemId: null,
      type: "settings.changed",
      actor: actor.id,
      payload: { environment: environment.name, strategy, changed: "environment" },
    });
  });
}

/** A blank webhook secret in the form means "unchanged": fill it in before validation. */
function withBlankSecrets(raw: Record<string, unknown>, previous: EnvironmentSettings): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const key of ["deployer", "switch", "provision"] as const) {
    const step = raw[key] as { type?: string; secret?: string } | null | undefined;
    const old = previous[key];
    if (step?.type === "webhook" && !step.secret && old?.type === "webhook") out[key] = { ...step, secret: old.secret };
  }
  const variables = raw.variables as Record<string, { value?: string; secret?: boolean }> | undefined;
  if (variables && typeof variables === "object") {
    out.variables = Object.fromEntries(
      Object.entries(variables).map(([name, variable]) => {
        const kept = previous.variables[name];
        return [
          name,
          variable?.secret && !variable.value && kept?.secret ? { ...variable, value: kept.value } : variable,
        ];
      }),
    );
  }
  return out;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * "New environment from template": copies an environment's settings under a new name (its
 * addresses renamed, no schedule) and runs its provisioning step, provisioning → ready or failed.
 */
export async function createEnvironmentFromTemplate(
  app: App,
  actor: Actor,
  input: { project: string; template: string; name: string },
): Promise<void> {
  const project = await requireProject(app.database, input.project);
  const template = await requireEnvironment(app.database, project.id, input.template);
  const name = input.name.trim().toLowerCase();
  if (!NAME.test(name))
    throw new DomainError(
      "VALIDATION",
      "An environment name is 1–40 lowercase letters, digits and dashes, e.g. staging or qa-2.",
      { field: "name" },
    );
  const settings = fromTemplate(readSettings(template.config), name, template.name);
  const provision = settings.provision;
  const id = await changeProject(app, project.id, async (store, record) => {
    if (await findEnvironmentByName(store, project.id, name))
      throw new DomainError("VALIDATION", `There is already an environment named ${name}.`, { field: "name" });
    const created = await insertEnvironmentRow(store, {
      projectId: project.id,
      name,
      kind: template.kind === "live" ? "test" : template.kind,
      strategy: template.strategy,
      activeSlot: template.strategy === "blue-green" ? "blue" : null,
      status: provision ? "provisioning" : "ready",
      config: sealSettings(settings) as unknown as T.EnvironmentConfig,
    });
    await record({
      itemId: null,
      type: "environment.created",
      actor: actor.id,
      payload: { name, template: template.name, strategy: template.strategy },
    });
    return created;
  });
  if (!provision) return;
  app.runner.provision({ projectId: project.id, id, name }, provision);
}

/** The project's release policy: automatic promotion, the stop-the-line switch and deploy freeze windows. */
export async function updateDeliveryPolicyService(
  app: App,
  actor: Actor,
  input: { project: string } & z.infer<typeof policyInput>,
): Promise<void> {
  const project = await requireProject(app.database, input.project);
  for (const window of input.freezeWindows ?? []) {
    const problem = cronProblem(window.cron, window.timezone);
    if (problem) throw new DomainError("VALIDATION", `Freeze window: ${problem}`, { field: "freezeWindows" });
  }
  await changeProject(app, project.id, async (store, record) => {
    const patch: Parameters<typeof updateDeliveryPolicy>[2] = {};
    if (input.autoPromote !== undefined) patch.autoPromote = input.autoPromote;
    if (input.alertEnvironmentLabel !== undefined)
      await setAlertEnvironmentLabel(store, project.id, input.alertEnvironmentLabel || null);
    if (input.freezeWindows)
      patch.freezeWindows = input.freezeWindows.map((w) => ({
        cron: w.cron,
        durationMinutes: w.durationMinutes,
        timezone: w.timezone ?? undefined,
        note: w.note ?? undefined,
      }));
    if (input.lineStopped !== undefined) {
      Object.assign(
        patch,
        input.lineStopped
          ? { lineStoppedAt: app.now(), lineStoppedBy: actor.id, lineStoppedReason: input.lineStopped.reason }
          : { lineStoppedAt: null, lineStoppedBy: null, lineStoppedReason: null },
      );
    }
    if (Object.keys(patch).length) await updateDeliveryPolicy(store, project.id, patch);
    const type =
      input.lineStopped !== undefined ? (input.lineStopped ? "line.stopped" : "line.resumed") : "settings.changed";
    await record({ itemId: null, type, actor: actor.id, payload: { ...input, project: undefined } });
  });
  app.runner.kick();
}
