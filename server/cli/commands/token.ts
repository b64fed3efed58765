import type { Command } from "commander";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { createToken, listProjectTokens, revokeToken } from "../../services/tokens";
import { SCOPES } from "../../../domain/access/scopes";
import type { Cli, Output } from "../cli";

/** `shiplane token`: API tokens. */
export function registerTokenCommands(program: Command, cli: Cli): void {
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
      const created = await createToken(await cli.useApp(), LOCAL_OPERATOR, {
        project: opts.project,
        scopes: opts.scopes,
        name: opts.name,
        expiresIn: opts.expiresIn,
      });
      cli.print(
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
      const tokens = await listProjectTokens(await cli.useApp(), { project: opts.project });
      const state = (t: (typeof tokens)[number]) =>
        t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt < new Date() ? "expired" : "active";
      cli.print(
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
      const revoked = await revokeToken(await cli.useApp(), LOCAL_OPERATOR, { project: opts.project, id: Number(id) });
      cli.print(opts, `Token ${revoked.id} "${revoked.name}" is revoked.`, revoked);
    });
}
