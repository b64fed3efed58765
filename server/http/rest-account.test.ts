import { afterAll, beforeEach, expect, it } from "vitest";
import { countUsers, findUserByEmail } from "../../db/repositories/access";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import type { Actor } from "../../domain/access/actor";
import { authRequestHandler } from "../auth/route";
import { testApp } from "../testing/fixtures";
import { ORIGIN, signIn } from "../testing/people";
import { createInvite } from "../services/members";
import { createUser } from "../services/users";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { acceptInviteHandler, setupHandler } from "./rest-account";

afterAll(closeTestDatabases);

const ADMIN: Actor = { id: "user:pa@example.com", role: "admin" };
const EVIL = "https://evil.example";

describeOnEveryDatabase("account routes", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    ctx.app.now = () => new Date();
  });
  const source = async () => ctx.app;
  const post = (path: string, body: string, headers: Record<string, string>) =>
    new Request(`${ORIGIN}${path}`, { method: "POST", headers, body });

  it("refuses a first-run setup or an invitation acceptance posted by another site's page, and changes nothing", async () => {
    const setup = await setupHandler(
      post("/api/account/setup", JSON.stringify({ email: "x@evil.example", password: "evil-password" }), {
        origin: EVIL,
        "content-type": "text/plain",
      }),
      source,
    );
    expect(setup.status).toBe(403);
    expect(await countUsers(ctx.app.database)).toBe(0);

    const { token } = await createInvite(ctx.app, ADMIN, {
      project: "shiplane",
      email: "new@example.com",
      role: "admin",
    });
    const senders: Record<string, string>[] = [{ origin: EVIL }, { "sec-fetch-site": "cross-site" }];
    for (const headers of senders) {
      const answer = await acceptInviteHandler(
        token,
        post(`/api/account/invites/${token}`, JSON.stringify({ password: "chosen-by-evil" }), {
          ...headers,
          "content-type": "text/plain",
        }),
        source,
      );
      expect(answer.status).toBe(403);
      expect((await answer.json()).error.message).toMatch(/another site/);
    }
    expect(await findUserByEmail(ctx.app.database, "new@example.com")).toBeNull();
    const own = await acceptInviteHandler(
      token,
      post(`/api/account/invites/${token}`, JSON.stringify({ password: "chosen-by-me" }), { origin: ORIGIN }),
      source,
    );
    expect(own.status).toBe(200);
  });

  it("stops reading an account or sign-in body past 64 KB with 413", async () => {
    const big = JSON.stringify({ email: "a@example.com", password: "p".repeat(70_000) });
    const setup = await setupHandler(post("/api/account/setup", big, { origin: ORIGIN }), source);
    expect(setup.status).toBe(413);
    const signInAnswer = await authRequestHandler(
      post("/api/auth/sign-in/email", big, { origin: ORIGIN, "content-type": "application/json" }),
      source,
    );
    expect(signInAnswer.status).toBe(413);
    expect(await countUsers(ctx.app.database)).toBe(0);
  });

  it("refuses a sign-in posted by another site and never hands the session token to the page", async () => {
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", password: "ana-password" });
    const crossSite = await authRequestHandler(
      post("/api/auth/sign-in/email", JSON.stringify({ email: "ana@example.com", password: "ana-password" }), {
        origin: EVIL,
        "content-type": "application/json",
      }),
      source,
    );
    expect(crossSite.status).toBe(403);
    const { cookie } = await signIn(ctx.app, "ana@example.com", "ana-password");
    const session = await authRequestHandler(
      new Request(`${ORIGIN}/api/auth/get-session`, { headers: { cookie } }),
      source,
    );
    const body = await session.json();
    expect(body.user.email).toBe("ana@example.com");
    expect(body.session.id).toBeTruthy();
    expect(body.session).not.toHaveProperty("token");
    const sessions = await authRequestHandler(
      new Request(`${ORIGIN}/api/auth/list-sessions`, { headers: { cookie } }),
      source,
    );
    const list = await sessions.json();
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) expect(s).not.toHaveProperty("token");
  });
});
