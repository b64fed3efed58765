import { appendLog } from "../../db/repositories/deployments";
import type { App } from "../app";

const FLUSH_MS = 250;
const MAX_LOG = 2 * 1024 * 1024;

/**
 * Collects a deployment's output and appends it to the stored log a few times a second, so
 * that watchers see it live without a write per line. Past 2 MiB the rest is dropped, saying so.
 */
export function createLogSink(app: App, deploymentId: number) {
  let pending = "";
  let written = 0;
  let truncated = false;
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const text = pending;
    pending = "";
    if (text)
      chain = chain
        .then(() => app.database.transaction((store) => appendLog(store, deploymentId, text)))
        .catch((error: Error) => {
          console.error(`Could not append to deployment ${deploymentId}'s log: ${error.message}`);
        });
    return chain;
  };

  const log = (text: string) => {
    if (truncated) return;
    if (written + text.length > MAX_LOG) {
      truncated = true;
      text = "[Shiplane] The log passed 2 MiB; the rest of the output is not kept.\n";
    }
    written += text.length;
    pending += text;
    timer ??= setTimeout(() => void flush(), FLUSH_MS);
  };

  /** A line from Shiplane itself, marked as such. */
  const note = (text: string) => log(`[Shiplane] ${text}\n`);
  return { log, note, flush };
}

export type LogSink = ReturnType<typeof createLogSink>;
