import { afterAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../../db/testing";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { parseJUnit } from "../../integrations/junit/parse";
import { recordTestRun } from "../../services/record-test-run";
import { reportBuild } from "../../services/report-build";
import { testApp } from "../../testing/fixtures";

afterAll(closeTestDatabases);

const xml = (failing: boolean) =>
  `<testsuite><testcase classname="cart" name="adds"/><testcase classname="cart" name="pays">${failing ? '<failure message="timeout"/>' : ""}</testcase></testsuite>`;

describeOnEveryDatabase("settings and pipeline", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
  });

  it("shows the webhook, regenerates its secret, and manages tokens", async () => {
    const before = await ctx.caller.settings.get({ project: "shiplane" });
    expect(before.webhook).toMatchObject({
      path: "/api/webhooks/github/shiplane",
      events: expect.arrayContaining(["pull_request", "push"]),
    });
    expect(before.webhook.secret).toMatch(/^[0-9a-f]{48}$/);
    const { secret } = await ctx.caller.settings.regenerateSecret({ project: "shiplane" });
    expect(secret).not.toBe(before.webhook.secret);
    const created = await ctx.caller.settings.createToken({
      project: "shiplane",
      name: "Jenkins",
      scopes: ["builds:write"],
    });
    expect(created.token).toMatch(/^slp_/);
    await expect(ctx.caller.settings.createToken({ project: "shiplane", scopes: ["root"] })).rejects.toThrow(
      /Unknown scope root/,
    );
    const revoked = await ctx.caller.settings.revokeToken({ project: "shiplane", id: created.record.id });
    expect(revoked.revokedAt).not.toBeNull();
    const after = await ctx.caller.settings.get({ project: "shiplane" });
    expect(after.tokens).toMatchObject([{ name: "Jenkins", revokedAt: expect.any(Date) }]);
    expect(JSON.stringify(after.tokens)).not.toContain(created.token);
  });

  it("reports pass rates and the flakiest tests", async () => {
    const sha = "4".repeat(40);
    await reportBuild(ctx.app, LOCAL_OPERATOR, {
      project: "shiplane",
      buildId: "1",
      commitSha: sha,
      branch: "main",
      status: "failed",
    });
    await reportBuild(ctx.app, LOCAL_OPERATOR, {
      project: "shiplane",
      buildId: "2",
      commitSha: sha,
      branch: "main",
      status: "passed",
    });
    await reportBuild(ctx.app, LOCAL_OPERATOR, {
      project: "shiplane",
      buildId: "3",
      commitSha: sha,
      branch: "main",
      status: "running",
    });
    await recordTestRun(
      ctx.app,
      LOCAL_OPERATOR,
      { project: "shiplane", suite: "unit", commit: sha },
      parseJUnit(xml(true)),
    );
    await recordTestRun(
      ctx.app,
      LOCAL_OPERATOR,
      { project: "shiplane", suite: "unit", commit: sha },
      parseJUnit(xml(false)),
    );
    const pipeline = await ctx.caller.pipeline.get({ project: "shiplane" });
    expect(pipeline.buildPassRate).toBe(0.5);
    expect(pipeline.suites).toEqual([{ suite: "unit", runs: 2, passRate: 0.5 }]);
    expect(pipeline.flaky).toEqual([{ name: "pays", className: "cart", suite: "unit", flaky: 1, runs: 2 }]);
    expect(pipeline.builds.map((b) => b.buildId)).toEqual(["3", "2", "1"]);
  });
});
