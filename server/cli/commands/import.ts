import fs from "node:fs";
import { CommanderError, type Command } from "commander";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { isStageKey, type StageKey } from "../../../domain/funnel/stages";
import { MAX_IMPORT_BYTES, planFile } from "../../import/plan-file";
import { createProject } from "../../services/create-project";
import { importCards, reportOf } from "../../services/import-cards";
import type { Cli, Output } from "../cli";

const usage = (message: string) => new CommanderError(2, "shiplane.usage", `error: ${message}\n`);

function readFile(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw usage(`cannot read "${file}": check the path.`);
  }
  if (size > MAX_IMPORT_BYTES) throw usage(`"${file}" is ${Math.round(size / 1e6)} MB; at most 50 MB is read.`);
  return fs.readFileSync(file, "utf8");
}

/** `--map "List name=stage"`, repeatable. */
function mapping(pairs: string[]): Record<string, StageKey> {
  const map: Record<string, StageKey> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf("=");
    const stage = pair
      .slice(at + 1)
      .trim()
      .toLowerCase();
    if (at < 1 || !isStageKey(stage))
      throw usage(`--map "${pair}": write "List name=stage", the stage one of idea, story, code, build, test, live.`);
    map[pair.slice(0, at).trim()] = stage;
  }
  return map;
}

/** `shiplane import trello|pivotal FILE --project SLUG`: bring a board or a project in, with its history. */
export function registerImportCommands(program: Command, cli: Cli): void {
  program
    .command("import")
    .description("import a Trello board (JSON export) or a Pivotal Tracker project (CSV export), with its history")
    .argument("<source>", '"trello" or "pivotal"')
    .argument("<file>", "the export file")
    .option("--project <slug>", "the project to import into")
    .option("--new-project [name]", "create the project, named after the board or project (or NAME)")
    .option(
      "--map <list=stage>",
      "Trello: the stage of a list, by name (repeatable)",
      (v, all: string[]) => [...all, v],
      [],
    )
    .option("--archived", "Trello: bring archived cards and closed lists into the Archive")
    .option("--dry-run", "report what would be imported, and write nothing")
    .option("--json", "print the report as JSON")
    .action(
      async (
        source: string,
        file: string,
        opts: Output & {
          project?: string;
          newProject?: string | boolean;
          map: string[];
          archived?: boolean;
          dryRun?: boolean;
        },
      ) => {
        if (source !== "trello" && source !== "pivotal")
          throw usage(`unknown source "${source}"; use "trello" or "pivotal".`);
        if (Boolean(opts.project) === Boolean(opts.newProject))
          throw usage("name the project to import into with --project SLUG, or create one with --new-project [NAME].");
        const plan = planFile(source, readFile(file), { map: mapping(opts.map), archived: opts.archived });
        const app = await cli.useApp();
        let project = opts.project ?? "";
        if (opts.newProject && !opts.dryRun) {
          const name = typeof opts.newProject === "string" ? opts.newProject : plan.name;
          project = (await createProject(app, LOCAL_OPERATOR, { name })).slug;
        }
        const report =
          opts.newProject && opts.dryRun
            ? reportOf(plan, true)
            : await importCards(app, LOCAL_OPERATOR, { project, plan, dryRun: opts.dryRun });
        const stages = Object.entries(report.perStage)
          .filter(([, n]) => n > 0)
          .map(([stage, n]) => `${stage} ${n}`)
          .join(", ");
        const skipped = Object.entries(report.skipped).map(([why, n]) => `${n} ${why}`);
        cli.print(
          opts,
          [
            `${report.dryRun ? "Would import" : "Imported"} "${plan.name}" into ${project || "a new project"}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged (${stages}).`,
            `History: ${report.history.moves} moves, ${report.history.comments} comments${report.history.partial ? " (partial)" : ""}.`,
            ...(skipped.length ? [`Skipped: ${skipped.join("; ")}.`] : []),
            ...report.warnings.map((w) => `Warning: ${w}`),
          ].join("\n"),
          { project: project || null, ...report },
        );
      },
    );
}
