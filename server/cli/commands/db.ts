import type { Command } from "commander";
import type { Cli } from "../cli";

/** `shiplane db`: database maintenance. */
export function registerDbCommands(program: Command, cli: Cli): void {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply pending migrations")
    .action(async () => {
      const d = await cli.open();
      cli.io.out(`Migrations applied (${d.dialect}: ${d.location}).\n`);
    });
}
