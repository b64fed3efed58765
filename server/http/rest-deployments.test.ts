import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { environmentsFor, releaseWithCards, settle, stepScripts } from "../deploy/testing";
import { testApp } from "../testing/fixtures";
import {
  deployHandler,
  getDeploymentHandler,
  listEnvironmentsHandler,
  listReleasesHandler,
  promoteHandler,
  rollbackHandler,
} from "./rest-deployments";

afterAll(closeTestDatabases);

describeOnEveryDatabase("REST releases and deployments", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let steps: ReturnType<typeof stepScripts>;
  let token: string;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    steps = stepScripts();
    token = (await ctx.caller.settings.createToken({ project: "shiplane", scopes: ["deploy"] })).token;
  });
  afterEach(() => steps.cleanup());

  const request = (body?: unknown, bearer: string | null = token) =>
    new Request("http://shiplane.test/x", {
      method: body === undefined ? "GET" : "POST",
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const app = async () => ctx.app;

  it("deploys, reports, promotes and rolls back with a deploy token", async () => {
    await environmentsFor(ctx, steps);
    const { releaseId } = await releaseWithCards(ctx, "1.4.0", ["A"]);
    expect((await deployHandler(String(releaseId), request({ environment: "test" }, null), app)).status).toBe(401);
    const builds = (await ctx.caller.settings.createToken({ project: "shiplane", scopes: ["builds:write"] })).token;
    expect((await deployHandler(String(releaseId), request({ environment: "test" }, builds), app)).status).toBe(403);
    expect((await deployHandler(String(releaseId), request({}), app)).status).toBe(400);
    expect((await deployHandler("999", request({ environment: "test" }), app)).status).toBe(404);

    const refused = await promoteHandler(String(releaseId), request({}), app);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({
      code: "PROMOTION.REFUSED",
      reasons: [expect.stringMatching(/has not been deployed to test/), expect.any(String)],
    });

    const deployed = await deployHandler(String(releaseId), request({ environment: "test" }), app);
    expect(deployed.status).toBe(202);
    const { id } = await deployed.json();
    await settle(ctx.app);
    const shown = await (await getDeploymentHandler(String(id), request(), app)).json();
    expect(shown).toMatchObject({
      id,
      status: "succeeded",
      verifyStatus: "passed",
      environment: "test",
      release: { version: "1.4.0" },
      testRuns: [{ passed: 2 }],
    });

    const releases = await (await listReleasesHandler("shiplane", request(), app)).json();
    expect(releases.releases[0]).toMatchObject({
      version: "1.4.0",
      promotion: { allowed: true },
      cells: [
        { environment: "test", deployment: { status: "succeeded" } },
        { environment: "live", deployment: null },
      ],
    });
    const environments = await (await listEnvironmentsHandler("shiplane", request(), app)).json();
    expect(environments.environments.map((e: { name: string; strategy: string }) => [e.name, e.strategy])).toEqual([
      ["test", "in-place"],
      ["live", "blue-green"],
    ]);

    expect((await promoteHandler(String(releaseId), request({}), app)).status).toBe(202);
    await settle(ctx.app);
    expect(steps.read("live-current")).toBe("green");
    const rollback = await rollbackHandler("shiplane", "live", request({ reason: "errors" }), app);
    expect(rollback.status).toBe(409);
    expect((await rollback.json()).error.message).toMatch(/live has served no release before 1\.4\.0/);
  });
});
