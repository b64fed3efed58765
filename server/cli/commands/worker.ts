import os from "node:os";
import path from "node:path";
import { CommanderError, type Command } from "commander";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { config } from "../../config";
import { createWorker, listWorkersView, revokeWorker } from "../../services/workers";
import { runWorker, drainJobs } from "../../worker/agent";
import { httpWorkerApi } from "../../worker/protocol";
import type { Cli, Output } from "../cli";

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** `shiplane worker` runs deploy steps for a Shiplane; `shiplane workers` manages their tokens. */
export function registerWorkerCommands(program: Command, cli: Cli): void {
  program
    .command("worker")
    .description("run deploy steps for a Shiplane: take jobs over HTTP, run them in the work folder, report back")
    .option("--url <url>", "Shiplane's address (default SHIPLANE_PUBLIC_URL)")
    .option("--token <slw_…>", "this worker's token (default SHIPLANE_WORKER_TOKEN; keeps it off the process list)")
    .option("--work-dir <dir>", "where steps run (default SHIPLANE_WORK_DIR, ./work)")
    .option("--once", "run the jobs there are now, then stop")
    .action(async (opts: { url?: string; token?: string; workDir?: string; once?: boolean }) => {
      const settings = config();
      const token = opts.token ?? settings.workerToken;
      if (!token?.startsWith("slw_"))
        throw new CommanderError(
          2,
          "shiplane.usage",
          "error: give the worker's token with --token slw_… or SHIPLANE_WORKER_TOKEN.\n",
        );
      const workDir = path.resolve(opts.workDir ?? settings.workDir);
      const { version } = (await import("../../../package.json", { with: { type: "json" } })).default;
      const api = httpWorkerApi(opts.url ?? settings.publicUrl, token, { version, hostname: os.hostname() });
      const say = (text: string) => cli.io.err(`${new Date().toISOString()} ${text}\n`);
      if (opts.once) {
        const ran = await drainJobs({ api, workDir, say });
        cli.io.out(`Ran ${ran} job${ran === 1 ? "" : "s"}.\n`);
        return;
      }
      const stop = new AbortController();
      for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
      // The built-in worker: when the process that started it is gone, it finishes its step and stops.
      process.once("disconnect", () => stop.abort());
      say(
        `Worker ${version} on ${os.hostname()}: taking jobs from ${opts.url ?? settings.publicUrl}, steps run in ${workDir}.`,
      );
      await runWorker({ api, workDir, say, signal: stop.signal });
    });

  const workers = program.command("workers").description("worker tokens (instance admins)");
  workers
    .command("create")
    .description("create a worker token; it is printed once, only its hash is kept")
    .requiredOption("--name <name>", "e.g. deploy-host-1")
    .option("--tags <a,b>", "what it may run: environments whose worker tags it has all of (* for every tag)")
    .option("--projects <a,b>", "serve only these projects (default: shared by every project)")
    .option("--json", "print JSON")
    .action(async (opts: Output & { name: string; tags?: string; projects?: string }) => {
      const { token, worker } = await createWorker(await cli.useApp(), LOCAL_OPERATOR, {
        name: opts.name,
        tags: list(opts.tags),
        projects: list(opts.projects),
      });
      cli.print(
        opts,
        `${token}\n\nWorker ${worker.id} "${worker.name}" (tags: ${worker.tags.join(", ") || "none"}). Store the token now: it is not shown again.\nRun it with: npx shiplane worker --url ${config().publicUrl} --token ${token}`,
        { token, ...worker },
      );
    });
  workers
    .command("list")
    .description("list workers: tags, projects, last seen, current job")
    .option("--json", "print JSON")
    .action(async (opts: Output) => {
      const rows = await listWorkersView(await cli.useApp());
      const line = (w: (typeof rows)[number]) =>
        `${w.id}\t${w.name}\t${w.revokedAt ? "revoked" : w.online ? "online" : "offline"}\ttags ${w.tags.join(",") || "-"}\t${w.projects.join(",") || "shared"}\t${w.job ? `job ${w.job.id}` : "idle"}`;
      cli.print(opts, rows.map(line).join("\n") || "No workers.", rows);
    });
  workers
    .command("revoke")
    .description("revoke a worker's token at once")
    .argument("<id>", "the worker's id (see workers list)")
    .option("--json", "print JSON")
    .action(async (id: string, opts: Output) => {
      await revokeWorker(await cli.useApp(), LOCAL_OPERATOR, Number(id));
      cli.print(opts, `Worker ${id} is revoked.`, { id: Number(id), revoked: true });
    });
}
