import { DomainError } from "../../domain/errors";
import type { EnvironmentSettings } from "../../domain/release/environment";
import { listWorkers, type WorkerRecord } from "../../db/repositories/workers";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { webhookUrlProblem } from "./webhook-address";

const STEPS = ["deployer", "verify", "switch", "provision"] as const;

/** The commands an environment runs, step by step ("" where a step is not a command). */
function commandsOf(settings: EnvironmentSettings): string {
  return JSON.stringify(STEPS.map((key) => (settings[key]?.type === "command" ? settings[key].command : "")));
}

/** Whether a worker takes jobs that need these tags ("*" takes every tag). */
export function workerMatches(worker: Pick<WorkerRecord, "tags">, tags: string[]): boolean {
  return worker.tags.includes("*") || tags.every((tag) => worker.tags.includes(tag));
}

/**
 * Who may set what an environment runs. Command steps run on workers, so an instance admin sets
 * them; a project admin may when the environment's worker tags select only workers an instance
 * admin assigned to this project (and those jobs then go to such workers only). Webhook steps
 * may not point at private addresses. Returns who set the commands, kept with the settings.
 */
export async function checkStepSettings(
  app: App,
  actor: Actor,
  projectId: number,
  previous: EnvironmentSettings,
  next: EnvironmentSettings,
): Promise<EnvironmentSettings["commandsSetBy"]> {
  const fields: Record<string, string[]> = {};
  for (const key of ["deployer", "switch", "provision"] as const) {
    const step = next[key];
    const problem = step?.type === "webhook" ? webhookUrlProblem(step.url) : null;
    if (problem) fields[`settings.${key}.url`] = [problem];
  }
  if (Object.keys(fields).length) {
    throw new DomainError("VALIDATION", Object.values(fields).flat().join(" "), { field: "settings", fields });
  }
  const unchanged =
    commandsOf(next) === commandsOf(previous) &&
    JSON.stringify(next.workerTags) === JSON.stringify(previous.workerTags);
  if (unchanged) return previous.commandsSetBy;
  if (actor.instanceAdmin) return "instance";
  if (!STEPS.some((key) => next[key]?.type === "command")) return "instance";
  const matching = (await listWorkers(app.database)).filter(
    (worker) => !worker.revokedAt && !worker.builtIn && workerMatches(worker, next.workerTags),
  );
  const own = matching.length > 0 && matching.every((worker) => worker.projectIds.includes(projectId));
  if (next.workerTags.length === 0 || !own) {
    throw new DomainError(
      "AUTH.FORBIDDEN",
      "Command steps run on workers that other projects may share, so only an instance admin may set them. A project admin may when the environment's worker tags select only workers assigned to this project: ask an instance admin to assign one on the Workers page, then give this environment its tags.",
      { field: "settings", fields: { "settings.workerTags": ["select only workers assigned to this project"] } },
    );
  }
  return "project";
}
