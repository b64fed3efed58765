import type { Command } from "commander";
import { replayDelivery } from "../../integrations/github/process";
import { listDeliveries } from "../../../db/repositories/deliveries";
import { requireProject } from "../../services/lookups";
import type { Cli, Output } from "../cli";

/** `shiplane webhooks`: incoming webhook deliveries. */
export function registerWebhooksCommands(program: Command, cli: Cli): void {
  const webhooks = program.command("webhooks").description("incoming webhook deliveries");
  webhooks
    .command("list")
    .description("list a project's recent deliveries, newest first")
    .requiredOption("--project <slug>", "the project")
    .option("--limit <n>", "how many", "50")
    .option("--json", "print JSON")
    .action(async (opts: Output & { project: string; limit: string }) => {
      const d = await cli.open();
      const project = await requireProject(d, opts.project);
      const deliveries = await listDeliveries(d, project.id, Math.max(1, Math.min(Number(opts.limit) || 50, 100_000)));
      cli.print(
        opts,
        deliveries
          .map(
            (x) =>
              `${x.deliveryId}\t${x.event}${x.action ? `.${x.action}` : ""}\t${x.status}${x.error ? `\t${x.error}` : ""}`,
          )
          .join("\n") || "No deliveries.",
        deliveries,
      );
    });
  webhooks
    .command("replay")
    .description("process a stored GitHub delivery again (e.g. one that failed)")
    .argument("<delivery-id>", "the X-GitHub-Delivery id, as listed in the project's recent deliveries")
    .requiredOption("--project <slug>", "the project that received it")
    .option("--json", "print JSON")
    .action(async (deliveryId: string, opts: Output & { project: string }) => {
      const app = await cli.useApp();
      const project = await requireProject(app.database, opts.project);
      const { body, ...delivery } = await replayDelivery(app, project.id, deliveryId);
      void body;
      cli.print(
        opts,
        `Delivery ${deliveryId} (${delivery.event}): ${delivery.status}${delivery.error ? ` — ${delivery.error}` : ""}`,
        delivery,
      );
      if (delivery.status === "failed") throw new Error(`Delivery ${deliveryId} failed again: ${delivery.error}`);
    });
}
