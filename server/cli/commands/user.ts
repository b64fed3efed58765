import type { Command } from "commander";
import { CommanderError } from "commander";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { createUser } from "../../services/users";
import { setMemberRole } from "../../services/members";
import { isRole, ROLES } from "../../../domain/access/roles";
import type { Cli, Output } from "../cli";

/** `shiplane user`: people who sign in. */
export function registerUserCommands(program: Command, cli: Cli): void {
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
        const made = await createUser(await cli.useApp(), LOCAL_OPERATOR, {
          email: opts.email,
          password: opts.password,
          name: opts.name,
          siteRole: siteAdmin ? "admin" : "user",
        });
        if (opts.project)
          await setMemberRole(await cli.useApp(), LOCAL_OPERATOR, {
            project: opts.project,
            email: made.email,
            role: opts.role,
          });
        const where = siteAdmin
          ? "an instance admin"
          : opts.project
            ? `${opts.role} in ${opts.project}`
            : "without a project yet (give a role with --project, or on a Members page)";
        cli.print(opts, `Created ${made.email}, ${where}.`, {
          email: made.email,
          siteAdmin,
          project: opts.project ?? null,
          role: opts.project ? opts.role : null,
        });
      },
    );
}
