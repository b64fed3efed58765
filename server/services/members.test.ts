import { afterAll, beforeEach, expect, it } from "vitest";
import { findUserByEmail, listMemberships } from "../../db/repositories/access";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { LOCAL_OPERATOR, type Actor } from "../../domain/access/actor";
import { testApp } from "../testing/fixtures";
import { acceptInvite, createInvite, setMemberRole } from "./members";
import { createUser } from "./users";

afterAll(closeTestDatabases);

const PROJECT_ADMIN: Actor = { id: "user:pa@example.com", role: "admin" };

describeOnEveryDatabase("members and invitations", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
  });

  const members = async () =>
    (await listMemberships(ctx.app.database, { projectId: ctx.project.id })).map((m) => `${m.email}:${m.role}`);

  it("lets a project admin change a member's role, but not add anyone, and says the same whether an account exists or not", async () => {
    await createUser(ctx.app, LOCAL_OPERATOR, {
      email: "root@example.com",
      password: "root-password",
      siteRole: "admin",
    });
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", password: "ana-password" });
    await setMemberRole(ctx.app, LOCAL_OPERATOR, { project: "shiplane", email: "ana@example.com", role: "viewer" });

    const existing = setMemberRole(ctx.app, PROJECT_ADMIN, {
      project: "shiplane",
      email: "root@example.com",
      role: "admin",
    });
    const unknown = setMemberRole(ctx.app, PROJECT_ADMIN, {
      project: "shiplane",
      email: "ghost@example.com",
      role: "admin",
    });
    const [a, b] = await Promise.all([existing.catch((e: Error) => e), unknown.catch((e: Error) => e)]);
    expect(a).toMatchObject({ code: "USER.NOT_FOUND" });
    expect(b).toMatchObject({ code: "USER.NOT_FOUND" });
    expect((a as Error).message.replace("root@", "X@")).toBe((b as Error).message.replace("ghost@", "X@"));
    expect((a as Error).message).toMatch(/Invite them instead/);
    expect(await members()).toEqual(["ana@example.com:viewer"]);

    await setMemberRole(ctx.app, PROJECT_ADMIN, { project: "shiplane", email: "ana@example.com", role: "member" });
    expect(await members()).toEqual(["ana@example.com:member"]);
  });

  it("accepts one invitation once, however many acceptances race, and makes one account", async () => {
    const { token } = await createInvite(ctx.app, PROJECT_ADMIN, {
      project: "shiplane",
      email: "new@example.com",
      role: "member",
    });
    const answers = await Promise.allSettled(
      Array.from({ length: 8 }, () => acceptInvite(ctx.app, { token, password: "new-password-1" })),
    );
    const accepted = answers.filter((a) => a.status === "fulfilled");
    const refused = answers.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "INVITE.INVALID" });
    expect(await findUserByEmail(ctx.app.database, "new@example.com")).not.toBeNull();
    expect(await members()).toEqual(["new@example.com:member"]);
  });

  it("leaves the invitation open when the account could not be made", async () => {
    const { token } = await createInvite(ctx.app, PROJECT_ADMIN, {
      project: "shiplane",
      email: "new@example.com",
      role: "member",
    });
    await expect(acceptInvite(ctx.app, { token, password: "short" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await acceptInvite(ctx.app, { token, password: "long-enough-1" })).toMatchObject({ role: "member" });
  });
});
