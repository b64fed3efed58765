import { Command, CommanderError } from "commander";
import { isDomainError } from "../../domain/errors";
import { DatabaseOpenError, openDatabase, type Database } from "../../db/client";
import { listProjects } from "../../db/repositories/projects";
import { createApp, databaseOptions } from "../compose";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import type { App } from "../app";
import { seedDemo } from "../seed/demo";
import { seedSynthetic } from "../seed/synthetic";
import { seedHistory } from "../seed/history";
import { replayDelivery } from "../integrations/github/process";
import { listDeliveries } from "../../db/repositories/deliveries";
import { requireProject } from "../services/lookups";
import { createItem } from "../services/create-item";
import { createToken, listProjectTokens, revokeToken } from "../services/tokens";
import { SCOPES } from "../../domain/access/scopes";
import { createProject } from "../services/create-project";
import { createUser } from "../services/users";
import { setMemberRole } from "../services/members";
import { isRole, ROLES } from "../../domain/access/roles";

interface Output {
  json: boolean;
}

/** The `shiplane` command line. Returns the process exit code: 0 ok, 1 refused or failed, 2 usage. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

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

  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply pending migrations")
    .action(async () => {
      const d = await open();
      io.out(`Migrations applied (${d.dialect}: ${d.location}).\n`);
    });

  program
    .command("seed")
    .description("load sample data")
    .argument(
      "<what>",
      '"demo" (a project with cards in every stage and the pipeline data behind them) or "synthetic" (a large board)',
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
        const project = await seedDemo(await open(), { slug: opts.slug ?? "demo" });
        print(opts, `Seeded the demo project "${project.name}" at /p/${project.slug}.`, project);
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
        const seeded = await seedHistory(await open(), { items, events, slug: opts.slug ?? "history" });
        print(
          opts,
          `Seeded "${seeded.project.name}" at /p/${seeded.project.slug}: ${seeded.items} cards, ${seeded.events} events, ${seeded.intervals} stage intervals, ${seeded.releases} releases, ${seeded.deployments} deployments.`,
          seeded,
        );
        return;
      }
      const project = await seedSynthetic(await open(), { items, slug: opts.slug ?? "synthetic" });
      print(opts, `Seeded "${project.name}" with ${items} cards at /p/${project.slug}.`, project);
    });

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
        const created = await createProject(await useApp(), LOCAL_OPERATOR, {
          name: opts.name,
          repo: opts.repo,
          keyPrefix: opts.prefix,
          slug: opts.slug,
          webhookSecret: opts.webhookSecret,
        });
        print(
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
      const projects = await listProjects(await open());
      print(
        opts,
        projects.map((p) => `${p.slug}\t${p.keyPrefix}\t${p.name}${p.repo ? `\t${p.repo}` : ""}`).join("\n") ||
          "No projects yet.",
        projects,
      );
    });

  const token = program.command("token").description("API tokens for CI servers and scripts");
  token
    .command("create")
    .description("create a token; it is printed once, only its hash is kept")
    .requiredOption("--project <slug>", "the project")
    .requiredOption("--scopes <a,b>", `what it may do: ${SCOPES.join(", ")}`)
    .option("--name <name>", "what it is for, e.g. Jenkins")
    .option("--expires-in <duration>", "e.g. 90d, 12h (default: never)")
    .option("--json", "print JSON")
    .action(async (opts: Output & { project: string; scopes: string; name?: string; expiresIn?: string }) => {
      const created = await createToken(await useApp(), LOCAL_OPERATOR, {
        project: opts.project,
        scopes: opts.scopes,
        name: opts.name,
        expiresIn: opts.expiresIn,
      });
      print(
        opts,
        `${created.token}\n\nToken ${created.record.id} "${created.record.name}" (${created.record.scopes.join(", ")}). Store it now: it is not shown again.`,
        {
          token: created.token,
          ...created.record,
        },
      );
    });
  token
    .command("list")
    .description("list a project's tokens (never their secrets)")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (opts: Output & { project: string }) => {
      const tokens = await listProjectTokens(await useApp(), { project: opts.project });
      const state = (t: (typeof tokens)[number]) =>
        t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt < new Date() ? "expired" : "active";
      print(
        opts,
        tokens
          .map(
            (t) =>
              `${t.id}\t${t.prefix}…\t${state(t)}\t${t.scopes.join(",")}\t${t.name}\tlast used ${t.lastUsedAt?.toISOString() ?? "never"}`,
          )
          .join("\n") || "No tokens.",
        tokens,
      );
    });
  token
    .command("revoke")
    .description("revoke a token at once")
    .argument("<id>", "the token's id (see token list)")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (id: string, opts: Output & { project: string }) => {
      const revoked = await revokeToken(await useApp(), LOCAL_OPERATOR, { project: opts.project, id: Number(id) });
      print(opts, `Token ${revoked.id} "${revoked.name}" is revoked.`, revoked);
    });

  const webhooks = program.command("webhooks").description("incoming webhook deliveries");
  webhooks
    .command("list")
    .description("list a project's recent deliveries, newest first")
    .requiredOption("--project <slug>", "the project")
    .option("--limit <n>", "how many", "50")
    .option("--json", "print JSON")
    .action(async (opts: Output & { project: string; limit: string }) => {
      const d = await open();
      const project = await requireProject(d, opts.project);
      const deliveries = await listDeliveries(d, project.id, Math.max(1, Math.min(Number(opts.limit) || 50, 100_000)));
      print(
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
    .option("--json", "print JSON")
    .action(async (deliveryId: string, opts: Output) => {
      const { body, ...delivery } = await replayDelivery(await useApp(), deliveryId);
      void body;
      print(
        opts,
        `Delivery ${deliveryId} (${delivery.event}): ${delivery.status}${delivery.error ? ` — ${delivery.error}` : ""}`,
        delivery,
      );
      if (delivery.status === "failed") throw new Error(`Delivery ${deliveryId} failed again: ${delivery.error}`);
    });

  const user = program.command("user").description("people who sign in");
  user
    .command("create")
    .description("create an account; --role admin makes an instance admin, a project role needs --project")
    .requiredOption("--email <email>", "the person's email, used to sign in")
    .requiredOption("--password <password>", "at least 8 characters")
    .option("--name <name>", "how Shiplane shows them")
    .option("--role <role>", `admin (instance), or with --project one of ${ROLES.join(", ")}`, "member")
    .option("--project <slug>", "give the role in this project")
    .option("--json", "print JSON")
    .action(
      async (opts: Output & { email: string; password: string; name?: string; role: string; project?: string }) => {
        if (!isRole(opts.role))
          throw new CommanderError(
            2,
            "shiplane.usage",
            `error: --role must be one of ${ROLES.join(", ")}, not "${opts.role}".\n`,
          );
        const siteAdmin = opts.role === "admin" && !opts.project;
        const made = await createUser(await useApp(), LOCAL_OPERATOR, {
          email: opts.email,
          password: opts.password,
          name: opts.name,
          siteRole: siteAdmin ? "admin" : "user",
        });
        if (opts.project)
          await setMemberRole(await useApp(), LOCAL_OPERATOR, {
            project: opts.project,
            email: made.email,
            role: opts.role,
          });
        const where = siteAdmin
          ? "an instance admin"
          : opts.project
            ? `${opts.role} in ${opts.project}`
            : "without a project yet (give a role with --project, or on a Members page)";
        print(opts, `Created ${made.email}, ${where}.`, {
          email: made.email,
          siteAdmin,
          project: opts.project ?? null,
          role: opts.project ? opts.role : null,
        });
      },
    );

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
        const card = await createItem(await useApp(), LOCAL_OPERATOR, {
          project: opts.project,
          title: opts.title,
          kind: opts.kind,
          description: opts.description,
          owner: opts.owner,
          labels: opts.labels?.split(","),
        });
        print(opts, `Created ${card.key} "${card.title}" in ${card.stage}.`, card);
      },
    );

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
