import type { Database } from "../../db/client";
import type { App } from "../app";

/** Where a command writes: standard output and error, or a test's buffers. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Every command's `--json` option. */
export interface Output {
  json: boolean;
}

/** What a command gets: the database and the app (opened on first use, closed after the command), and its output. */
export interface Cli {
  open(): Promise<Database>;
  useApp(): Promise<App>;
  /** Prints `human`, or `value` as JSON under --json. */
  print(opts: Output, human: string, value: unknown): void;
  io: CliIo;
}
