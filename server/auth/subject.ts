import { DomainError } from "../../domain/errors";
import type { App } from "../app";
import { id } from "../contracts/common";
import {
  deploymentNotFound,
  itemNotFound,
  releaseNotFound,
  requireDeployment,
  requireItem,
  requireProject,
  requireRelease,
} from "../services/lookups";

/**
 * What a procedure acts on, so that the caller's role is looked up in the right project:
 * a project by slug, or a card, release or deployment by id; `instance` for
 * what belongs to no project (the project list, new projects, accounts).
 */
export type Subject = "project" | "item" | "release" | "deployment" | "instance";

const positive = (value: unknown) => {
  const parsed = id.safeParse(value);
  return parsed.success ? parsed.data : null;
};

function field(input: unknown, name: string): unknown {
  return input && typeof input === "object" ? (input as Record<string, unknown>)[name] : undefined;
}

function missing(name: string): never {
  throw new DomainError("VALIDATION", `Invalid input: ${name} is required, as a positive whole number.`, {
    field: name,
  });
}

/** The id of the project the input refers to (unknown ones give the usual not-found error). */
export async function projectOf(app: App, subject: Exclude<Subject, "instance">, input: unknown): Promise<number> {
  const db = app.database;
  switch (subject) {
    case "project": {
      const slug = field(input, "project");
      return (await requireProject(db, typeof slug === "string" ? slug : missing("project"))).id;
    }
    case "item":
      return (await requireItem(db, positive(field(input, "id")) ?? missing("id"))).projectId;
    case "release":
      return (await requireRelease(db, positive(field(input, "releaseId")) ?? missing("releaseId"))).projectId;
    case "deployment":
      return (await requireDeployment(db, positive(field(input, "id")) ?? missing("id"))).projectId;
  }
}

/**
 * What a person who is not a member of its project is told about a card, release or deployment
 * named by id: that there is none, exactly as for an id that does not exist.
 */
export function hiddenSubject(subject: "item" | "release" | "deployment", input: unknown): DomainError {
  if (subject === "release") return releaseNotFound(Number(field(input, "releaseId")));
  const id = Number(field(input, "id"));
  return subject === "item" ? itemNotFound(id) : deploymentNotFound(id);
}
