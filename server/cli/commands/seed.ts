import type { Command } from "commander";
import { CommanderError } from "commander";
import { seedDemo } from "../../seed/demo";
import { seedSynthetic } from "../../seed/synthetic";
import { seedHistory } from "../../seed/history";
import type { Cli, Output } from "../cli";

/** `shiplane seed`: sample data. */
export function registerSeedCommands(program: Command, cli: Cli): void {
  program
    .command("seed")
    .description("load sample data")
    .argument(
      "<what>",
      '"demo" (a project with cards in every stage and the pipeline data behind them) or "synthetic" (a large board with the year of history that put its cards there)',
    )
    .option("--slug <slug>", "slug of the seeded project")
    .option("--items <n>", "number of cards (synthetic)", "5000")
    .option(
      "--events <n>",
      "with a year of history: this many events in all, with stage intervals, releases, promotions and alerts (synthetic)",
    )
    .option("--json", "print JSON")
    .action(async (what: string, opts: Output & { slug?: string; items: string; events?: string }) => {
      if (what === "demo") {
        const project = await seedDemo(await cli.open(), { slug: opts.slug ?? "demo" });
        cli.print(opts, `Seeded the demo project "${project.name}" at /p/${project.slug}.`, project);
        return;
      }
      if (what !== "synthetic")
        throw new CommanderError(2, "shiplane.usage", `error: unknown seed "${what}"; use "demo" or "synthetic".\n`);
      const items = Number(opts.items);
      if (!Number.isInteger(items) || items < 1 || items > 1_000_000) {
        throw new CommanderError(2, "shiplane.usage", "error: --items must be a whole number from 1 to 1000000.\n");
      }
      if (opts.events !== undefined) {
        const events = Number(opts.events);
        if (!Number.isInteger(events) || events < 0 || events > 20_000_000)
          throw new CommanderError(2, "shiplane.usage", "error: --events must be a whole number up to 20000000.\n");
        const seeded = await seedHistory(await cli.open(), { items, events, slug: opts.slug ?? "history" });
        cli.print(
          opts,
          `Seeded "${seeded.project.name}" at /p/${seeded.project.slug}: ${seeded.items} cards, ${seeded.events} events, ${seeded.intervals} stage intervals, ${seeded.releases} releases, ${seeded.deployments} deployments.`,
          seeded,
        );
        return;
      }
      const project = await seedSynthetic(await cli.open(), { items, slug: opts.slug ?? "synthetic" });
      cli.print(
        opts,
        `Seeded "${project.name}" with ${items} cards on its board and a year of their moves at /p/${project.slug}.`,
        project,
      );
    });
}
