import { Command, CommanderError } from "commander";
import { DatabaseOpenError, openDatabase, type Database } from "../../db/client";
import { isDomainError } from "../../domain/errors";
import type { App } from "../app";
import { createApp, databaseOptions } from "../compose";
import type { Cli, CliIo, Output } from "./cli";
import { registerDbCommands } from "./commands/db";
import { registerImportCommands } from "./commands/import";
import { registerItemCommands } from "./commands/item";
import { registerProjectCommands } from "./commands/project";
import { registerSeedCommands } from "./commands/seed";
import { registerTokenCommands } from "./commands/token";
import { registerUserCommands } from "./commands/user";
import { registerWebhooksCommands } from "./commands/webhooks";
import { registerWorkerCommands } from "./commands/worker";

export type { CliIo };

/** The command nouns, each in its own file under commands/. */
const COMMANDS = [
  registerDbCommands,
  registerSeedCommands,
  registerProjectCommands,
  registerTokenCommands,
  registerWebhooksCommands,
  registerUserCommands,
  registerItemCommands,
  registerImportCommands,
  registerWorkerCommands,
];

const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** The `shiplane` command line. Returns the process exit code: 0 ok, 1 refused or failed, 2 usage. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let database: Database | null = null;
  let app: App | null = null;
  const open = async () => {
    database ??= openDatabase(databaseOptions());
    await database.migrate();
    return database;
  };
  // One app per command, closed with it (on PostgreSQL its notifier holds a connection).
  const useApp = async () => (app ??= createApp(await open()));
  const print = (opts: Output, human: string, value: unknown) =>
    io.out(opts.json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);

  const program = new Command("shiplane")
    .description(
      "Shiplane: the funnel board from idea to live. Uses DATABASE_URL (PostgreSQL) or SQLite under SHIPLANE_DATA_DIR (default ./data).",
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  const cli: Cli = { open, useApp, print, io };
  for (const register of COMMANDS) register(program, cli);

  const json = argv.includes("--json");
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0)
        return 0;
      if (error.code === "shiplane.usage") io.err(error.message);
      return 2;
    }
    const code = isDomainError(error) ? error.code : error instanceof DatabaseOpenError ? "DB.UNAVAILABLE" : "INTERNAL";
    const message = (error as Error).message;
    if (json) io.out(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
    else io.err(`error: ${message}\n`);
    return 1;
  } finally {
    await (app as App | null)?.notifier.close();
    await (database as Database | null)?.close();
  }
}
