import http from "node:http";
import type { AddressInfo } from "node:net";
import { verify } from "@octokit/webhooks-methods";
import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { closeTestDatabases, describeOnEveryDatabase, registerCleanup } from "../../db/testing";
import { createApp } from "../compose";
import type { Actor } from "../../domain/access/actor";
import { deploymentStatusHandler } from "../http/rest-deployments";
import { reportTestRunHandler } from "../http/rest-test-runs";
import { testApp } from "../testing/fixtures";
import { autoPromote } from "./auto-promotion";
import { runDueSchedules } from "./scheduler";
import { environmentsFor, releaseWithCards, settle, stepScripts } from "./testing";

afterAll(closeTestDatabases);

describeOnEveryDatabase("release policy, schedules and webhook deployers", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let steps: ReturnType<typeof stepScripts>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    steps = stepScripts();
  });
  afterEach(() => steps.cleanup());

  it("fires a schedule exactly once when two instances share the database", async () => {
    await environmentsFor(ctx, steps, { test: { schedule: { cron: "0 2 * * *", timezone: "UTC" } } });
    await releaseWithCards(ctx, "1.3.0", ["Old"]);
    await releaseWithCards(ctx, "1.4.0", ["New"]);
    const database = ctx.app.database;
    // A second instance: its own connections on PostgreSQL, the same file's connection on SQLite.
    const second = database.url ? openDatabase({ url: database.url, poolSize: 4 }) : database;
    const at = () => new Date("2026-03-03T02:00:40Z");
    const one = createApp(database, at);
    const two = createApp(second, at);
    registerCleanup(async () => {
      for (const app of [one, two]) {
        await app.runner.close();
        await app.notifier.close();
      }
      if (second !== database) await second.close();
    });
    const [a, b] = await Promise.all([runDueSchedules(one), runDueSchedules(two)]);
    const fired = [...a, ...b];
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      environment: "test",
      outcome: "deployed",
      dueAt: new Date("2026-03-03T02:00:00Z"),
    });
    await Promise.all([settle(one), settle(two)]);
    expect(await runDueSchedules(one)).toEqual([]);
    const deployment = await ctx.caller.release.deployment({ id: fired[0].deploymentId! });
    expect(deployment).toMatchObject({ release: { version: "1.4.0" }, triggeredBy: "scheduler", status: "succeeded" });
    const view = await ctx.caller.release.overview({ project: "shiplane" });
    expect(view.environments[0].schedule).toMatchObject({ cron: "0 2 * * *", next: new Date("2026-03-03T02:00:00Z") });
  });

  it("promotes on its own when every gate is green, and leaves a rolled-back release alone", async () => {
    await environmentsFor(ctx, steps);
    const first = await releaseWithCards(ctx, "1.3.0", ["Checkout"]);
    await ctx.caller.release.deploy({ releaseId: first.releaseId, environment: "test" });
    await settle(ctx.app);
    expect(await autoPromote(ctx.app, ctx.project.id)).toBeNull();
    await ctx.caller.release.setPolicy({ project: "shiplane", autoPromote: true });
    const promotion = await autoPromote(ctx.app, ctx.project.id);
    expect(promotion).not.toBeNull();
    await settle(ctx.app);
    const done = await ctx.caller.release.deployment({ id: promotion! });
    expect(done).toMatchObject({ triggeredBy: "auto-promotion", status: "succeeded", switchStatus: "passed" });
    expect(done.events[0]).toMatchObject({
      type: "promotion.requested",
      actor: "auto-promotion",
      payload: { automatic: true },
    });
    expect(done.events[0].payload.checks).toContain("Passed the regression suite on test.");
    expect(await autoPromote(ctx.app, ctx.project.id)).toBeNull();

    const second = await releaseWithCards(ctx, "1.4.0", ["Search"]);
    await ctx.caller.release.deploy({ releaseId: second.releaseId, environment: "test" });
    await settle(ctx.app);
    await autoPromote(ctx.app, ctx.project.id);
    await settle(ctx.app);
    await ctx.caller.release.rollback({ project: "shiplane", environment: "live", reason: "errors" });
    await settle(ctx.app);
    expect(await autoPromote(ctx.app, ctx.project.id)).toBeNull();
    const check = await ctx.caller.release.checkPromotion({ releaseId: second.releaseId });
    expect(check.decision.allowed).toBe(true);
  });

  it("holds promotions while the line is stopped or a freeze is on, except for an admin with a reason", async () => {
    await environmentsFor(ctx, steps);
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    // Mondays 08:00–10:00 UTC; the test clock is Monday 2026-03-02 09:00 UTC.
    await ctx.caller.release.setPolicy({
      project: "shiplane",
      freezeWindows: [{ cron: "0 8 * * 1", durationMinutes: 120, timezone: "UTC", note: "Release review" }],
    });
    await ctx.caller.release.setPolicy({ project: "shiplane", lineStopped: { reason: "Incident 42" } });
    const member: Actor = { id: "user:ben", role: "release-manager" };
    await expect(ctx.as(member).release.promote({ releaseId, reason: "please" })).rejects.toThrow(
      /line is stopped by user:local: Incident 42.*deploy freeze is in force until 2026-03-02T10:00:00.000Z \(Release review\)/,
    );
    await expect(
      ctx.caller.release.setPolicy({ project: "shiplane", freezeWindows: [{ cron: "at noon", durationMinutes: 5 }] }),
    ).rejects.toThrow(/five-field cron/);
    const forced = await ctx.caller.release.promote({ releaseId, reason: "Hotfix for incident 42" });
    await settle(ctx.app);
    const done = await ctx.caller.release.deployment({ id: forced.deploymentId });
    expect(done.status).toBe("succeeded");
    expect(done.events[0].payload).toMatchObject({
      reason: "Hotfix for incident 42",
      overridden: [expect.stringMatching(/line is stopped/), expect.stringMatching(/freeze/)],
    });
  });

  it("hands a deployment to a webhook deployer with a signed body, and carries on when the tool reports back", async () => {
    const received: { body: string; signature: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ body, signature: String(req.headers["x-shiplane-signature-256"]) });
        res.writeHead(202).end("queued");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    registerCleanup(() => new Promise((resolve) => server.close(() => resolve())));
    const secret = "s3cret-for-the-deploy-tool";
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/deploy`;
    await environmentsFor(ctx, steps, { test: { deployer: { type: "webhook", url, secret, timeoutSeconds: 600 } } });
    const { releaseId, cards } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    const { deploymentId } = await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    expect(received).toHaveLength(1);
    expect(await verify(secret, received[0].body, received[0].signature)).toBe(true);
    const body = JSON.parse(received[0].body);
    expect(body).toMatchObject({
      step: "deploy",
      release: { version: "1.4.0" },
      environment: { name: "test" },
      callback: { url: expect.stringMatching(new RegExp(`/api/v1/deployments/${deploymentId}/status$`)) },
    });
    expect(await ctx.caller.release.deployment({ id: deploymentId })).toMatchObject({
      status: "running",
      finishedAt: null,
    });

    const call = (token: string, json: unknown) =>
      deploymentStatusHandler(
        String(deploymentId),
        new Request("http://x/", {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
          body: JSON.stringify(json),
        }),
        async () => ctx.app,
      );
    expect((await call("wrong", { status: "succeeded" })).status).toBe(401);
    expect((await call(body.callback.token, { status: "done" })).status).toBe(400);
    expect((await call(body.callback.token, { status: "running", log: ["pulling image", "starting"] })).status).toBe(
      202,
    );
    expect((await call(body.callback.token, { status: "succeeded", log: "healthy" })).status).toBe(202);
    await settle(ctx.app);
    const done = await ctx.caller.release.deployment({ id: deploymentId });
    expect(done).toMatchObject({ status: "succeeded", verifyStatus: "passed" });
    expect(done.log).toMatch(/pulling image\nstarting\nhealthy/);
    expect((await ctx.caller.item.get({ id: cards[0].id })).card.stage).toBe("test");
    // Once finished, the deployment's record is closed: a late callback is 409 and changes nothing.
    const late = await call(body.callback.token, { status: "failed", log: "late line" });
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toMatch(/already finished \(succeeded\)/);
    const after = await ctx.caller.release.deployment({ id: deploymentId });
    expect(after.log).toBe(done.log);
    expect(after.status).toBe("succeeded");
  });

  it("fails a webhook deployment whose deploy tool cannot be reached", async () => {
    await environmentsFor(ctx, steps, {
      test: {
        deployer: {
          type: "webhook",
          url: "http://127.0.0.1:9/nothing",
          secret: "0123456789abcdef",
          timeoutSeconds: 60,
        },
      },
    });
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    const { deploymentId } = await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    expect(await ctx.caller.release.deployment({ id: deploymentId })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/Could not reach http:\/\/127.0.0.1:9\/nothing/),
    });
  });
});

describeOnEveryDatabase("environments from a template", (fresh) => {
  it("copies an environment's settings under a new name and runs its provisioning step; a member cannot deploy", async () => {
    const ctx = await testApp(await fresh());
    const steps = stepScripts();
    registerCleanup(async () => steps.cleanup());
    await environmentsFor(ctx, steps, {
      test: {
        provision: { type: "command", command: 'echo "provisioning $SHIPLANE_ENVIRONMENT"', timeoutSeconds: 30 },
        schedule: { cron: "0 2 * * *", timezone: null },
      },
    });
    await ctx.caller.release.createEnvironment({ project: "shiplane", template: "test", name: "Staging" });
    await expect(
      ctx.caller.release.createEnvironment({ project: "shiplane", template: "test", name: "staging" }),
    ).rejects.toThrow(/already an environment named staging/);
    await expect(
      ctx.caller.release.createEnvironment({ project: "shiplane", template: "test", name: "no spaces" }),
    ).rejects.toThrow(/lowercase letters, digits and dashes/);
    const staging = async () =>
      (await ctx.caller.release.overview({ project: "shiplane" })).environments.find((e) => e.name === "staging")!;
    await settle(ctx.app);
    const created = await staging();
    expect(created).toMatchObject({
      kind: "test",
      strategy: "in-place",
      status: "ready",
      schedule: null,
      settings: { url: "/demo/staging/", deployer: { type: "command" } },
    });
    expect(created.provisionLog).toMatch(/provisioning staging/);

    const member: Actor = { id: "user:ben", role: "member" };
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    await expect(ctx.as(member).release.deploy({ releaseId, environment: "staging" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/needs the release-manager role/),
    });
    const { deploymentId } = await ctx.caller.release.deploy({ releaseId, environment: "staging" });
    await settle(ctx.app);
    expect((await ctx.caller.release.deployment({ id: deploymentId })).status).toBe("succeeded");
    expect(steps.read("staging-main")).toBe("1.4.0");
  });
});

describeOnEveryDatabase("external regression runners", (fresh) => {
  it("waits for an external runner's JUnit report on the deployment, then carries on", async () => {
    const ctx = await testApp(await fresh());
    const steps = stepScripts();
    registerCleanup(async () => steps.cleanup());
    await environmentsFor(ctx, steps, { test: { verify: { type: "external", timeoutSeconds: 600 } } });
    const { releaseId, cards } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    const { deploymentId } = await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    expect(await ctx.caller.release.deployment({ id: deploymentId })).toMatchObject({
      status: "succeeded",
      phase: "verify",
      verifyStatus: "running",
      finishedAt: null,
    });
    expect((await ctx.caller.item.get({ id: cards[0].id })).card.stage).toBe("test");
    const token = (await ctx.caller.settings.createToken({ project: "shiplane", scopes: ["tests:write"] })).token;
    const junit =
      '<testsuite name="e2e" tests="2" failures="1"><testcase classname="cart" name="adds an item"/><testcase classname="cart" name="pays"><failure message="timeout"/></testcase></testsuite>';
    const response = await reportTestRunHandler(
      "shiplane",
      new Request(`http://x/?suite=regression&deployment=${deploymentId}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: junit,
      }),
      async () => ctx.app,
    );
    expect(response.status).toBe(201);
    await settle(ctx.app);
    expect(await ctx.caller.release.deployment({ id: deploymentId })).toMatchObject({
      status: "failed",
      verifyStatus: "failed",
      error: expect.stringMatching(/cart › pays/),
    });
    expect((await ctx.caller.item.get({ id: cards[0].id })).card.stage).toBe("code");
  });
});
