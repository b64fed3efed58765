import { randomBytes } from "node:crypto";
import { DomainError } from "../../domain/errors";
import { defaultStages } from "../../domain/funnel/stages";
import { findProjectBySlug, insertProject, type ProjectRecord } from "../../db/repositories/projects";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { appendEvent } from "../../db/repositories/events";
import { insertEnvironmentRow } from "../../db/repositories/environments";

export interface CreateProjectInput {
  name: string;
  slug?: string;
  repo?: string | null;
  keyPrefix?: string;
  webhookSecret?: string | null;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
}

function defaultPrefix(name: string): string {
  const words = name.toUpperCase().match(/[A-Z0-9]+/g) ?? ["SL"];
  const prefix = words.length > 1 ? words.map((w) => w[0]).join("") : words[0].slice(0, 3);
  return /^[A-Z]/.test(prefix) ? prefix.slice(0, 6) : `P${prefix}`.slice(0, 6);
}

export async function createProject(app: App, actor: Actor, input: CreateProjectInput): Promise<ProjectRecord> {
  const name = input.name.trim();
  if (!name) throw new DomainError("VALIDATION", "A project needs a name.", { field: "name" });
  const slug = input.slug?.trim() || slugify(name);
  if (!/^[a-z0-9][a-z0-9-]{0,47}$/.test(slug)) {
    throw new DomainError(
      "VALIDATION",
      `"${slug}" is not a usable project slug: use lower-case letters, digits and dashes.`,
      { field: "slug" },
    );
  }
  const keyPrefix = (input.keyPrefix?.trim() || defaultPrefix(name)).toUpperCase();
  if (!/^[A-Z][A-Z0-9]{0,9}$/.test(keyPrefix)) {
    throw new DomainError(
      "VALIDATION",
      `"${keyPrefix}" is not a usable key prefix: 1–10 letters or digits, starting with a letter (e.g. SL).`,
      {
        field: "keyPrefix",
      },
    );
  }
  const repo = input.repo?.trim() || null;
  if (repo && !/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new DomainError("VALIDATION", `"${repo}" is not a GitHub repository name: use owner/name.`, {
      field: "repo",
    });
  }
  return app.database.transaction(async (store) => {
    if (await findProjectBySlug(store, slug)) {
      throw new DomainError(
        "PROJECT.EXISTS",
        `A project with the slug "${slug}" already exists: choose another name or --slug.`,
        { slug },
      );
    }
    const project = await insertProject(store, {
      slug,
      name,
      repo,
      keyPrefix,
      webhookSecret: input.webhookSecret ?? randomBytes(24).toString("hex"),
      stages: defaultStages(),
    });
    await appendEvent(store, {
      projectId: project.id,
      itemId: null,
      type: "project.created",
      actor: actor.id,
      at: app.now(),
      payload: { name, slug, repo },
    });
    // Every project starts with test, then live; their deployers are set on the Releases page.
    for (const kind of ["test", "live"] as const) {
      await insertEnvironmentRow(store, {
        projectId: project.id,
        name: kind,
        kind,
        strategy: "in-place",
        activeSlot: null,
        status: "ready",
        config: {},
      });
      await appendEvent(store, {
        projectId: project.id,
        itemId: null,
        type: "environment.created",
        actor: actor.id,
        at: app.now(),
        payload: { name: kind, strategy: "in-place" },
      });
    }
    return project;
  });
}
