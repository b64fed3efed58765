import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { enqueueDeployment, updateDeployment } from "../../db/repositories/deployments";
import { changeProject } from "../unit-of-work";
import { testApp } from "../testing/fixtures";
import { environmentsFor, releaseWithCards, settle, stepScripts } from "./testing";

afterAll(closeTestDatabases);

describeOnEveryDatabase("deployments", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let steps: ReturnType<typeof stepScripts>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    steps = stepScripts();
  });
  afterEach(() => steps.cleanup());

  const stageOf = async (id: number) => (await ctx.caller.item.get({ id })).card.stage;
  const overview = () => ctx.caller.release.overview({ project: "shiplane" });

  it("deploys a release to test with its command, keeps the output, verifies it and moves its cards to Test", async () => {
    await environmentsFor(ctx, steps);
    const { releaseId, cards } = await releaseWithCards(ctx, "1.4.0", ["Gift cards", "Search"]);
    const { deploymentId } = await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    const deployment = await ctx.caller.release.deployment({ id: deploymentId });
    expect(deployment).toMatchObject({ status: "succeeded", verifyStatus: "passed", slot: null, purpose: "deploy" });
    expect(deployment.finishedAt).not.toBeNull();
    expect(deployment.log).toContain("deploying 1.4.0 to test slot=none");
    expect(deployment.log).toContain("error output");
    expect(deployment.log).toContain("Regression: 2 passed, 0 failed");
    expect(deployment.log).toMatch(/SL-1 moved to Test/);
    expect(deployment.testRuns).toMatchObject([{ suite: "regression", passed: 2, failed: 0 }]);
    expect(deployment.events.map((e) => e.type)).toEqual([
      "deployment.queued",
      "deployment.started",
      "deployment.succeeded",
      "verification.passed",
    ]);
    expect(steps.read("test-main")).toBe("1.4.0");
    for (const card of cards) expect(await stageOf(card.id)).toBe("test");
    const view = await overview();
    expect(view.releases[0].cells.find((c) => c.environment === "test")?.deployment).toMatchObject({
      status: "succeeded",
      verification: "passed",
      serving: true,
    });
    expect(view.releases[0].promotion).toMatchObject({ allowed: true });
  });

  it("sends the cards back to Code, naming the failing tests, when the regression suite fails", async () => {
    await environmentsFor(ctx, steps);
    const { releaseId, cards } = await releaseWithCards(ctx, "1.4.0", ["Gift cards"]);
    steps.failNext(true);
    const { deploymentId } = await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    const deployment = await ctx.caller.release.deployment({ id: deploymentId });
    expect(deployment).toMatchObject({ status: "failed", phase: "verify", verifyStatus: "failed" });
    expect(deployment.error).toMatch(/Regression failed on test for 1.4.0: checkout › pays by card/);
    const card = (await ctx.caller.item.get({ id: cards[0].id })).card;
    expect(card).toMatchObject({ stage: "code", blocked: true });
    expect(card.blockedReason).toMatch(/pays by card/);
    await expect(ctx.caller.release.promote({ releaseId })).rejects.toThrow(
      /Failed the regression suite on test: checkout › pays by card/,
    );
  });

  it("refuses a promotion with the gates' reasons and records the refusal", async () => {
    await environmentsFor(ctx, steps);
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["Gift cards"], { needsManualQa: true });
    await expect(ctx.caller.release.promote({ releaseId })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    const check = await ctx.caller.release.checkPromotion({ releaseId });
    expect(check.decision.reasons).toEqual(["Manual QA is not signed off for SL-1."]);
    const view = await overview();
    await ctx.caller.release.signOffQa({ id: view.releases[0].items[0].id, note: "Checked on an iPhone" });
    expect((await ctx.caller.release.checkPromotion({ releaseId })).decision.allowed).toBe(true);
    const events = await ctx.caller.item.get({ id: view.releases[0].items[0].id });
    expect(events.history.map((e) => e.type)).toContain("qa.signed_off");
  });

  it("promotes blue-green: deploys to the idle slot, verifies it, switches, and the cards go Live; rollback switches back and pins", async () => {
    await environmentsFor(ctx, steps);
    const first = await releaseWithCards(ctx, "1.3.0", ["Checkout"]);
    await ctx.caller.release.deploy({ releaseId: first.releaseId, environment: "test" });
    await settle(ctx.app);
    const promoted = await ctx.caller.release.promote({ releaseId: first.releaseId });
    await settle(ctx.app);
    expect(await ctx.caller.release.deployment({ id: promoted.deploymentId })).toMatchObject({
      slot: "green",
      status: "succeeded",
      verifyStatus: "passed",
      switchStatus: "passed",
    });
    expect(steps.read("live-green")).toBe("1.3.0");
    expect(steps.read("live-current")).toBe("green");
    expect(await stageOf(first.cards[0].id)).toBe("live");

    const second = await releaseWithCards(ctx, "1.4.0", ["Search"]);
    await ctx.caller.release.deploy({ releaseId: second.releaseId, environment: "test" });
    await settle(ctx.app);
    await ctx.caller.release.promote({ releaseId: second.releaseId });
    await settle(ctx.app);
    expect(steps.read("live-blue")).toBe("1.4.0");
    expect(steps.read("live-current")).toBe("blue");
    let live = (await overview()).environments.find((e) => e.name === "live")!;
    expect(live).toMatchObject({ activeSlot: "blue", serving: { version: "1.4.0" } });
    expect(live.slots.map((s) => [s.slot, s.version, s.active])).toEqual([
      ["blue", "1.4.0", true],
      ["green", "1.3.0", false],
    ]);

    const preview = await ctx.caller.release.rollbackPreview({ project: "shiplane", environment: "live" });
    expect(preview).toMatchObject({
      current: { version: "1.4.0" },
      target: { version: "1.3.0", cards: [{ title: "Checkout" }] },
      how: "switch",
      slot: "green",
    });
    const rollback = await ctx.caller.release.rollback({
      project: "shiplane",
      environment: "live",
      reason: "Checkout errors",
    });
    expect(rollback).toMatchObject({
      target: { version: "1.3.0", liveUntil: preview.target.liveUntil },
      how: "switch",
    });
    await settle(ctx.app);
    const rolled = await ctx.caller.release.deployment({ id: rollback.deploymentId });
    expect(rolled).toMatchObject({
      purpose: "rollback",
      slot: "green",
      status: "succeeded",
      switchStatus: "passed",
      release: { version: "1.3.0" },
    });
    expect(rolled.events.map((e) => e.type)).toEqual([
      "rollback.requested",
      "deployment.started",
      "environment.switched",
      "rollback.done",
    ]);
    expect(steps.read("live-current")).toBe("green");
    live = (await overview()).environments.find((e) => e.name === "live")!;
    expect(live).toMatchObject({ activeSlot: "green", serving: { version: "1.3.0" } });
    const view = await overview();
    expect(view.releases.find((r) => r.version === "1.4.0")?.pinned).toMatch(/rolled back on live to 1.3.0/);
    expect(await stageOf(second.cards[0].id)).toBe("test");
    expect(await stageOf(first.cards[0].id)).toBe("live");
    // 1.4.0 was rolled back, so a second rollback has nowhere earlier to go.
    await expect(ctx.caller.release.rollback({ project: "shiplane", environment: "live" })).rejects.toThrow(
      /live has served no release before 1\.3\.0/,
    );
  });

  it("runs one deployment at a time per slot: the next waits in the queue; a duplicate is refused", async () => {
    await environmentsFor(ctx, steps);
    const a = await releaseWithCards(ctx, "1.4.0", ["A"]);
    const b = await releaseWithCards(ctx, "1.5.0", ["B"]);
    const first = await ctx.caller.release.deploy({ releaseId: a.releaseId, environment: "test" });
    const second = await ctx.caller.release.deploy({ releaseId: b.releaseId, environment: "test" });
    await expect(ctx.caller.release.deploy({ releaseId: b.releaseId, environment: "test" })).rejects.toThrow(
      /already queued to test/,
    );
    await settle(ctx.app);
    const [one, two] = await Promise.all([
      ctx.caller.release.deployment({ id: first.deploymentId }),
      ctx.caller.release.deployment({ id: second.deploymentId }),
    ]);
    expect(one.status).toBe("succeeded");
    expect(two.status).toBe("succeeded");
    expect(two.startedAt!.getTime()).toBeGreaterThanOrEqual(one.finishedAt!.getTime());
    expect(steps.read("test-main")).toBe("1.5.0");
  });

  it("stops a command that runs past its timeout, and a cancelled one, with their whole process group", async () => {
    const slow = { type: "command", command: `sh -c 'sleep 30 & wait'`, timeoutSeconds: 1 };
    await environmentsFor(ctx, steps, { test: { deployer: slow, verify: null } });
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    const timed = await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await settle(ctx.app);
    expect(await ctx.caller.release.deployment({ id: timed.deploymentId })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/ran longer than 1 s and was stopped/),
    });

    await ctx.caller.release.configureEnvironment({
      project: "shiplane",
      environment: "test",
      settings: { deployer: { ...slow, timeoutSeconds: 60 } },
    });
    const cancelled = await ctx.caller.release.deploy({ releaseId, environment: "test" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await ctx.caller.release.cancel({ id: cancelled.deploymentId });
    await settle(ctx.app);
    expect(await ctx.caller.release.deployment({ id: cancelled.deploymentId })).toMatchObject({ status: "cancelled" });
    await expect(ctx.caller.release.cancel({ id: cancelled.deploymentId })).rejects.toThrow(/already finished/);
  });

  it("refuses to deploy where no deployer is configured, and to an unknown environment, changing nothing", async () => {
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    await expect(ctx.caller.release.deploy({ releaseId, environment: "test" })).rejects.toThrow(/has no deployer/);
    await expect(ctx.caller.release.deploy({ releaseId, environment: "staging" })).rejects.toThrow(
      /no environment "staging"; this project has test/,
    );
    await expect(
      ctx.caller.release.configureEnvironment({
        project: "shiplane",
        environment: "test",
        settings: { schedule: { cron: "every night" } },
      }),
    ).rejects.toThrow(/five-field cron/);
    expect((await overview()).releases[0].cells[0].deployment).toBeNull();
  });

  it("marks failed, with the cause, a deployment whose process died with the app", async () => {
    const { test } = await environmentsFor(ctx, steps);
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    const id = await changeProject(ctx.app, ctx.project.id, async (store) => {
      const created = await enqueueDeployment(store, {
        projectId: ctx.project.id,
        releaseId,
        environmentId: test,
        slot: null,
        purpose: "deploy",
        triggeredBy: "user:local",
        queuedAt: ctx.app.now(),
      });
      await updateDeployment(store, created, {
        status: "running",
        startedAt: ctx.app.now(),
        runner: "elsewhere/999999/1",
        pid: 999999,
      });
      return created;
    });
    const other = await changeProject(ctx.app, ctx.project.id, async (store) => {
      const created = await enqueueDeployment(store, {
        projectId: ctx.project.id,
        releaseId,
        environmentId: test,
        slot: null,
        purpose: "deploy",
        triggeredBy: "user:local",
        queuedAt: ctx.app.now(),
      });
      await updateDeployment(store, created, {
        status: "running",
        startedAt: ctx.app.now(),
        heartbeatAt: ctx.app.now(),
        runner: "elsewhere/999998/1",
      });
      return created;
    });
    const waiting = await changeProject(ctx.app, ctx.project.id, async (store) => {
      const created = await enqueueDeployment(store, {
        projectId: ctx.project.id,
        releaseId,
        environmentId: test,
        slot: null,
        purpose: "deploy",
        triggeredBy: "user:local",
        queuedAt: ctx.app.now(),
      });
      await updateDeployment(store, created, {
        status: "running",
        startedAt: ctx.app.now(),
        runner: "external",
        deadlineAt: new Date(ctx.app.now().getTime() + 60_000),
      });
      return created;
    });
    ctx.clock.advance(2 * 60_000);
    expect(await ctx.app.runner.recover()).toBe(3);
    expect(await ctx.caller.release.deployment({ id: waiting })).toMatchObject({
      status: "failed",
      error: "The deploy tool's status did not arrive before the timeout.",
    });
    const dead = await ctx.caller.release.deployment({ id });
    expect(dead).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/Shiplane stopped while this deployment was running.*process 999999/),
    });
    expect(dead.events.map((e) => e.type)).toContain("deployment.failed");
    expect((await ctx.caller.release.deployment({ id: other })).status).toBe("failed");
    expect(await ctx.app.runner.recover()).toBe(0);
  });
});
