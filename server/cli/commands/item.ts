import type { Command } from "commander";
import { CommanderError } from "commander";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { createItem } from "../../services/create-item";
import type { Cli, Output } from "../cli";

/** `shiplane item`: cards. */
export function registerItemCommands(program: Command, cli: Cli): void {
  const item = program.command("item").description("cards");
  item
    .command("create")
    .description("capture an idea or write a story")
    .requiredOption("--project <slug>", "the project")
    .requiredOption("--title <title>", "the card's title")
    .option("--kind <kind>", "idea or story", "idea")
    .option("--description <text>", "why and what")
    .option("--owner <name>", "who works on it")
    .option("--labels <a,b>", "comma-separated labels")
    .option("--json", "print JSON")
    .action(
      async (
        opts: Output & {
          project: string;
          title: string;
          kind: string;
          description?: string;
          owner?: string;
          labels?: string;
        },
      ) => {
        if (opts.kind !== "idea" && opts.kind !== "story")
          throw new CommanderError(2, "shiplane.usage", `error: --kind must be idea or story, not "${opts.kind}".\n`);
        const card = await createItem(await cli.useApp(), LOCAL_OPERATOR, {
          project: opts.project,
          title: opts.title,
          kind: opts.kind,
          description: opts.description,
          owner: opts.owner,
          labels: opts.labels?.split(","),
        });
        cli.print(opts, `Created ${card.key} "${card.title}" in ${card.stage}.`, card);
      },
    );
}
