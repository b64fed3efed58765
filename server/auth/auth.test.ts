import { afterAll, beforeEach, expect, it } from "vitest";
import { expireSessionsOf, findUserByEmail } from "../../db/repositories/access";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import type { App } from "../app";
import { testApp } from "../testing/fixtures";
import { ORIGIN, signIn as signInAt } from "../testing/people";
import { loadConfig } from "../config";
import { createUser, ensureAdmin, needsSetup, setUpFirstAdmin, setUserDisabled } from "../services/users";
import { createCaller } from "../trpc/root";
import { setMemberRole } from "../services/members";
import { authOf } from "./auth";
import { authRequestHandler } from "./route";
import { currentUser } from "./session";

afterAll(closeTestDatabases);

/** Signs in from `ip`; `headers` carry the session cookie as a browser would send it. */
async function signIn(app: App, email: string, password: string, ip = "10.0.0.1") {
  const { response, cookie } = await signInAt(app, email, password, ip);
  return { response, cookie, headers: new Headers({ cookie, origin: ORIGIN }) };
}

describeOnEveryDatabase("sign-in and sessions", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    // Sessions and the sign-in limit use the real clock.
    ctx.app.now = () => new Date();
  });

  it("offers first-run setup until the first admin exists, then refuses it", async () => {
    expect(await needsSetup(ctx.app)).toBe(true);
    const admin = await setUpFirstAdmin(ctx.app, { email: "Root@Example.com", password: "correct horse" });
    expect(admin).toMatchObject({ email: "root@example.com", role: "admin" });
    expect(await needsSetup(ctx.app)).toBe(false);
    await expect(setUpFirstAdmin(ctx.app, { email: "other@example.com", password: "whatever1" })).rejects.toMatchObject(
      { code: "SETUP.DONE" },
    );
  });

  it("creates or keeps the admin named by SHIPLANE_ADMIN_EMAIL and SHIPLANE_ADMIN_PASSWORD", async () => {
    const env = { SHIPLANE_ADMIN_EMAIL: "ops@example.com", SHIPLANE_ADMIN_PASSWORD: "s3cret-pass" };
    const first = await ensureAdmin(ctx.app, loadConfig(env).admin);
    const again = await ensureAdmin(ctx.app, loadConfig(env).admin);
    expect(again!.id).toBe(first!.id);
    expect((await signIn(ctx.app, "ops@example.com", "s3cret-pass")).response.status).toBe(200);
    await expect(
      ensureAdmin(ctx.app, loadConfig({ SHIPLANE_ADMIN_EMAIL: "x@example.com" }).admin),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("signs in with a session cookie, refuses a wrong password without saying whether the email exists, and hashes passwords", async () => {
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", password: "ana-password" });
    const ok = await signIn(ctx.app, "ana@example.com", "ana-password");
    expect(ok.response.status).toBe(200);
    expect(ok.response.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(ok.response.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
    expect(await currentUser(ctx.app, ok.headers)).toMatchObject({ email: "ana@example.com", siteAdmin: false });
    const wrong = await signIn(ctx.app, "ana@example.com", "nope-nope");
    const unknown = await signIn(ctx.app, "nobody@example.com", "nope-nope");
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect((await wrong.response.json()).message).toBe((await unknown.response.json()).message);
    const account = await ctx.app.database.db.select().from(ctx.app.database.t.accounts);
    expect(account[0].password).not.toContain("ana-password");
  });

  it("answers 429 with the time to wait after 5 wrong guesses at one account in a minute, from any address, and logs them", async () => {
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", password: "ana-password" });
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "bob@example.com", password: "bob-password" });
    // A correct password is not a guess.
    expect((await signIn(ctx.app, "ana@example.com", "ana-password", "10.9.9.9")).response.status).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await signIn(ctx.app, "ana@example.com", `wrong-${i}-pw`, "10.9.9.9")).response.status).toBe(401);
    const locked = await signIn(ctx.app, "ANA@example.com", "ana-password", "10.1.1.1");
    expect(locked.response.status).toBe(429);
    const wait = Number(locked.response.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await locked.response.json()).message).toMatch(/for this account\. Wait \d+ s/);
    // Someone else behind the same address is not locked out by it.
    expect((await signIn(ctx.app, "bob@example.com", "bob-password", "10.9.9.9")).response.status).toBe(200);
    const log = await ctx.app.database.db.select().from(ctx.app.database.t.accessEvents);
    expect(log.filter((e) => e.action === "sign-in.failed")).toHaveLength(5);
    expect(log.find((e) => e.action === "sign-in" && e.subject === "bob@example.com")).toMatchObject({
      ip: "10.9.9.9",
    });
  });

  it("reserves each attempt before it is tried: 25 concurrent wrong passwords get exactly 5 tries", async () => {
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", password: "ana-password" });
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signIn(ctx.app, "ana@example.com", `wrong-${i}-pw`, `10.3.0.${i}`)),
    );
    const statuses = answers.map((a) => a.response.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it("limits one address to 30 attempts a minute across accounts, counting IPv6 by its /64", async () => {
    const tries = Array.from({ length: 30 }, (_, i) =>
      signIn(ctx.app, `nobody-${i}@example.com`, "wrong-password", `2001:db8:0:7::${(i + 1).toString(16)}`),
    );
    for (const attempt of await Promise.all(tries)) expect(attempt.response.status).toBe(401);
    const next = await signIn(ctx.app, "someone@example.com", "wrong-password", "2001:db8:0:7:ffff::1");
    expect(next.response.status).toBe(429);
    expect((await next.response.json()).message).toMatch(/from your address/);
    expect((await signIn(ctx.app, "someone@example.com", "wrong-password", "2001:db8:0:8::1")).response.status).toBe(
      401,
    );
  });

  it("ends expired sessions and those of a disabled account, which can no longer sign in", async () => {
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", password: "ana-password" });
    const user = (await findUserByEmail(ctx.app.database, "ana@example.com"))!;
    const first = await signIn(ctx.app, "ana@example.com", "ana-password");
    await expireSessionsOf(ctx.app.database, user.id, new Date(Date.now() - 1000));
    expect(await currentUser(ctx.app, first.headers)).toBeNull();
    const second = await signIn(ctx.app, "ana@example.com", "ana-password");
    expect(await currentUser(ctx.app, second.headers)).not.toBeNull();
    await setUserDisabled(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", disabled: true });
    expect(await currentUser(ctx.app, second.headers)).toBeNull();
    const refused = await signIn(ctx.app, "ana@example.com", "ana-password");
    expect(refused.response.status).toBe(403);
    expect((await refused.response.json()).message).toMatch(/disabled/);
    await setUserDisabled(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", disabled: false });
    expect((await signIn(ctx.app, "ana@example.com", "ana-password")).response.status).toBe(200);
  });

  it("records sign-outs and password changes, and shows sign-ins on the audit page to instance admins only", async () => {
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "ana@example.com", password: "ana-password" });
    const first = await signIn(ctx.app, "ana@example.com", "ana-password", "10.2.2.2");
    let cookie = first.cookie;
    const post = (path: string, body: unknown) =>
      authOf(ctx.app).handler(
        new Request(`${ORIGIN}/api/auth${path}`, {
          method: "POST",
          headers: {
            cookie,
            origin: ORIGIN,
            "content-type": "application/json",
            "x-shiplane-client-ip": "10.2.2.2",
          },
          body: JSON.stringify(body),
        }),
      );
    const elsewhere = await signIn(ctx.app, "ana@example.com", "ana-password", "10.2.2.3");
    expect(
      (await post("/change-password", { currentPassword: "wrong-password", newPassword: "new-password-1" })).status,
    ).toBe(400);
    // Other sessions end even when the client asks to keep them; this one goes on with a new cookie.
    const changed = await post("/change-password", {
      currentPassword: "ana-password",
      newPassword: "new-password-1",
      revokeOtherSessions: false,
    });
    expect(changed.status).toBe(200);
    expect(await currentUser(ctx.app, elsewhere.headers)).toBeNull();
    cookie = changed.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(await currentUser(ctx.app, new Headers({ cookie, origin: ORIGIN }))).not.toBeNull();
    // Guessing the current password is limited like signing in.
    for (let i = 0; i < 4; i++)
      expect(
        (await post("/change-password", { currentPassword: `guess-${i}-pw`, newPassword: "x-password-2" })).status,
      ).toBe(400);
    const held = await post("/change-password", { currentPassword: "guess-5-pw", newPassword: "x-password-2" });
    expect(held.status).toBe(429);
    expect((await held.json()).message).toMatch(/Too many password attempts/);
    expect((await signIn(ctx.app, "ana@example.com", "ana-password")).response.status).toBe(401);
    const second = await signIn(ctx.app, "ana@example.com", "new-password-1");
    expect(second.response.status).toBe(200);
    const out = await authOf(ctx.app).handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie: second.cookie, origin: ORIGIN, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(out.status).toBe(200);
    expect(await currentUser(ctx.app, second.headers)).toBeNull();

    const forAdmins = await ctx.caller.audit.list({ project: "shiplane", actor: "user:ana@example.com" });
    expect(forAdmins.entries.map((e) => e.action)).toEqual([
      "sign-out",
      "sign-in",
      "password.changed",
      "sign-in",
      "sign-in",
    ]);
    expect(forAdmins.entries.at(-1)!.summary).toBe("ana@example.com · from 10.2.2.2");
    const failed = await ctx.caller.audit.list({ project: "shiplane", action: "sign-in.failed" });
    expect(failed.entries).toHaveLength(1);
    // A project admin sees the project's audit trail, but not the instance's sign-ins.
    await setMemberRole(ctx.app, LOCAL_OPERATOR, { project: "shiplane", email: "ana@example.com", role: "admin" });
    const ana = (await findUserByEmail(ctx.app.database, "ana@example.com"))!;
    const projectAdmin = createCaller({
      app: ctx.app,
      user: { id: ana.id, email: ana.email, name: ana.name, siteAdmin: false },
      actor: { id: "user:ana@example.com", role: "viewer" },
      sameOrigin: true,
    });
    const seen = (await projectAdmin.audit.list({ project: "shiplane" })).entries.map((e) => e.action);
    expect(seen).toContain("member.role");
    expect(seen).not.toContain("sign-in");
  });

  it("keeps the sign-in library's own admin endpoints closed, even to instance admins", async () => {
    await createUser(ctx.app, LOCAL_OPERATOR, {
      email: "root@example.com",
      password: "root-password",
      siteRole: "admin",
    });
    const { cookie } = await signIn(ctx.app, "root@example.com", "root-password");
    for (const path of ["/admin/list-users", "/admin/impersonate-user", "/admin/set-role"]) {
      const answer = await authRequestHandler(
        new Request(`${ORIGIN}/api/auth${path}`, {
          method: "POST",
          headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
          body: "{}",
        }),
        async () => ctx.app,
      );
      expect(answer.status).toBe(404);
    }
    const session = await authRequestHandler(
      new Request(`${ORIGIN}/api/auth/get-session`, { headers: { cookie } }),
      async () => ctx.app,
    );
    expect((await session.json()).user.email).toBe("root@example.com");
  });
});
