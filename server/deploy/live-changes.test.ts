import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { listEventsAfter } from "../../db/repositories/events";
import { deployHandler } from "../http/rest-deployments";
import { testApp } from "../testing/fixtures";
import { environmentsFor, releaseWithCards, settle, stepScripts } from "./testing";
import { createToken } from "../services/tokens";
import { LOCAL_OPERATOR } from "../../domain/access/actor";

afterAll(closeTestDatabases);

// Nothing reaches live that did not pass its gates; rollback returns to what was live before.
describeOnEveryDatabase("live changes", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let steps: ReturnType<typeof stepScripts>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    steps = stepScripts();
    await environmentsFor(ctx, steps);
  });
  afterEach(() => steps.cleanup());

  const stageOf = async (id: number) => (await ctx.caller.item.get({ id })).card.stage;
  const cellOf = async (version: string, environment: string) =>
    (await ctx.caller.release.overview({ project: "shiplane" })).releases
      .find((r) => r.version === version)!
      .cells.find((c) => c.environment === environment)!.deployment;
  const promoted = async (version: string, title: string) => {
    const release = await releaseWithCards(ctx, version, [title]);
    await ctx.caller.release.deploy({ releaseId: release.releaseId, environment: "test" });
    await settle(ctx.app);
    await ctx.caller.release.promote({ releaseId: release.releaseId });
    await settle(ctx.app);
    return release;
  };

  it("refuses every deploy to a live environment, saying to promote, on tRPC and REST, and refuses a live schedule", async () => {
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["Gift cards"]);
    await expect(ctx.caller.release.deploy({ releaseId, environment: "live" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringMatching(/live is live: it changes only through promotion.*Promote 1\.4\.0 instead/),
    });
    const { token } = await createToken(ctx.app, LOCAL_OPERATOR, { project: "shiplane", scopes: ["deploy"] });
    const response = await deployHandler(
      String(releaseId),
      new Request("http://localhost/api/v1/releases/x/deploy", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ environment: "live" }),
      }),
      async () => ctx.app,
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("DEPLOY.LIVE_NEEDS_PROMOTION");
    expect(steps.read("live-green")).toBeNull();
    await expect(
      ctx.caller.release.configureEnvironment({
        project: "shiplane",
        environment: "live",
        settings: {
          deployer: { type: "command", command: "true" },
          schedule: { cron: "0 2 * * *", timezone: null },
        },
      }),
    ).rejects.toThrow(/cannot deploy on a schedule/);
  });

  it("forces a promotion past its gates only for an admin with a reason, audited and shown as forced", async () => {
    const { releaseId, cards } = await releaseWithCards(ctx, "1.4.0", ["Hotfix"]);
    const member = ctx.as({ id: "user:ben", role: "member" });
    await expect(member.release.promote({ releaseId, force: true, reason: "hotfix" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(ctx.caller.release.promote({ releaseId, force: true, reason: "  " })).rejects.toThrow(
      /Say why this promotion is forced/,
    );
    await expect(ctx.caller.release.promote({ releaseId })).rejects.toThrow(/has not been deployed to test/);
    const { deploymentId } = await ctx.caller.release.promote({
      releaseId,
      force: true,
      reason: "Checkout is down; the fix cannot wait",
    });
    await settle(ctx.app);
    expect(await ctx.caller.release.deployment({ id: deploymentId })).toMatchObject({ status: "succeeded" });
    expect(await cellOf("1.4.0", "live")).toMatchObject({ forced: "Checkout is down; the fix cannot wait" });
    expect(await stageOf(cards[0].id)).toBe("live");
    const audit = await ctx.caller.audit.list({ project: "shiplane", action: "promotion.requested" });
    expect(audit.entries[0].summary).toMatch(/1\.4\.0 to live — forced past its gates: “Checkout is down/);
  });

  it("rolls back to what was live before, naming it; switching only to exactly that release, else redeploying it", async () => {
    const a = await promoted("1.3.0", "Checkout"); // green
    const b = await promoted("1.4.0", "Search"); // blue
    const c = await promoted("1.5.0", "Wishlist"); // green, replacing 1.3.0 there
    expect(steps.read("live-current")).toBe("green");

    // Back to 1.4.0: the idle blue slot holds exactly it, verified, so traffic only switches.
    const first = await ctx.caller.release.rollback({ project: "shiplane", environment: "live", reason: "errors" });
    expect(first).toMatchObject({ current: { version: "1.5.0" }, target: { version: "1.4.0" }, how: "switch" });
    await settle(ctx.app);
    expect(steps.read("live-current")).toBe("blue");
    expect(await stageOf(c.cards[0].id)).toBe("test");
    expect(await stageOf(b.cards[0].id)).toBe("live");

    // Again: 1.5.0 was rolled back, so the target is 1.3.0, which the idle green slot no longer holds.
    const preview = await ctx.caller.release.rollbackPreview({ project: "shiplane", environment: "live" });
    expect(preview).toMatchObject({
      current: { version: "1.4.0" },
      target: { version: "1.3.0", cards: [{ key: "SL-1", title: "Checkout" }] },
      how: "redeploy",
      slot: "green",
    });
    const second = await ctx.caller.release.rollback({ project: "shiplane", environment: "live", reason: "still" });
    await settle(ctx.app);
    expect(await ctx.caller.release.deployment({ id: second.deploymentId })).toMatchObject({
      status: "succeeded",
      verifyStatus: "passed",
      switchStatus: "passed",
      release: { version: "1.3.0" },
    });
    expect(steps.read("live-green")).toBe("1.3.0");
    expect(steps.read("live-current")).toBe("green");
    expect(await stageOf(a.cards[0].id)).toBe("live");
    expect(await stageOf(b.cards[0].id)).toBe("test");

    const done = (await listEventsAfter(ctx.app.database, ctx.project.id, 0, 500)).filter(
      (e) => e.type === "rollback.done",
    );
    expect(done.at(-1)?.payload).toMatchObject({
      from: "1.4.0",
      to: "1.3.0",
      cards: ["SL-1"],
      liveUntil: preview.target.liveUntil.toISOString(),
      how: "redeploy",
    });
  });

  it("refuses a rollback with no earlier live release, with the reason", async () => {
    await expect(ctx.caller.release.rollbackPreview({ project: "shiplane", environment: "live" })).rejects.toThrow(
      /live serves no release yet/,
    );
    await promoted("1.3.0", "Checkout");
    await expect(ctx.caller.release.rollback({ project: "shiplane", environment: "live" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/has served no release before 1\.3\.0/),
    });
  });
});
