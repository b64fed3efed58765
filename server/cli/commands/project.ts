import type { Command } from "commander";
import { listProjects } from "../../../db/repositories/projects";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { createProject } from "../../services/create-project";
import type { Cli, Output } from "../cli";

/** `shiplane project`: projects. */
export function registerProjectCommands(program: Command, cli: Cli): void {
  const project = program.command("project").description("projects");
  project
    .command("create")
    .description("create a project with the default funnel (idea → story → code → build → test → live)")
    .requiredOption("--name <name>", "display name")
    .option("--repo <owner/name>", "its GitHub repository")
    .option("--prefix <prefix>", "card key prefix, e.g. SL for SL-42")
    .option("--slug <slug>", "URL name (default: from the name)")
    .option("--webhook-secret <secret>", "GitHub webhook secret (default: generated)")
    .option("--json", "print JSON")
    .action(
      async (
        opts: Output & { name: string; repo?: string; prefix?: string; slug?: string; webhookSecret?: string },
      ) => {
        const created = await createProject(await cli.useApp(), LOCAL_OPERATOR, {
          name: opts.name,
          repo: opts.repo,
          keyPrefix: opts.prefix,
          slug: opts.slug,
          webhookSecret: opts.webhookSecret,
        });
        cli.print(
          opts,
          `Created project "${created.name}" (${created.slug}), keys ${created.keyPrefix}-1, ${created.keyPrefix}-2, …`,
          created,
        );
      },
    );
  project
    .command("list")
    .description("list projects")
    .option("--json", "print JSON")
    .action(async (opts: Output) => {
      const projects = await listProjects(await cli.open());
      cli.print(
        opts,
        projects.map((p) => `${p.slug}\t${p.keyPrefix}\t${p.name}${p.repo ? `\t${p.repo}` : ""}`).join("\n") ||
          "No projects yet.",
        projects,
      );
    });
}
