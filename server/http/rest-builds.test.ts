import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { approvedReview, mergedPullRequest, openedPullRequest } from "../integrations/github/fixtures";
import { drainDeliveries } from "../integrations/github/process";
import { receiveGithubDelivery } from "../integrations/github/receive";
import { createProject } from "../services/create-project";
import { createToken, revokeToken } from "../services/tokens";
import { parseJUnit } from "../integrations/junit/parse";
import { recordTestRun } from "../services/record-test-run";
import { testApp } from "../testing/fixtures";
import { reportBuildHandler } from "./rest-builds";

afterAll(closeTestDatabases);

const SECRET = "s3cret";
const HEAD = "1".repeat(40);
const MERGE = "2".repeat(40);
let deliveries = 0;

describeOnEveryDatabase("CI build reports", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let tokenId: number;
  const app = () => Promise.resolve(ctx.app);
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    await createProject(ctx.app, LOCAL_OPERATOR, {
      name: "Hello",
      slug: "hello",
      keyPrefix: "HW",
      repo: "Codertocat/Hello-World",
      webhookSecret: SECRET,
    });
    const created = await createToken(ctx.app, LOCAL_OPERATOR, {
      project: "hello",
      scopes: "builds:write",
      name: "CI",
    });
    token = created.token;
    tokenId = created.record.id;
  });

  const report = (body: unknown, auth: string | null = `Bearer ${token}`, project = "hello") =>
    reportBuildHandler(
      project,
      new Request("http://x/", {
        method: "POST",
        body: JSON.stringify(body),
        headers: auth ? { authorization: auth } : {},
      }),
      app,
    );

  async function github(event: string, payload: unknown) {
    const body = JSON.stringify(payload);
    const headers = new Headers({
      "x-github-event": event,
      "x-github-delivery": `d-${++deliveries}`,
      "x-hub-signature-256": await sign(SECRET, body),
    });
    const { stored } = await receiveGithubDelivery(
      ctx.app,
      "hello",
      (name) => headers.get(name),
      async () => body,
    );
    if (stored) await drainDeliveries(ctx.app);
  }

  it("asks for a token with the builds:write scope of this project", async () => {
    const build = { buildId: "1", commitSha: HEAD, branch: "main", status: "running" };
    const none = await report(build, null);
    expect(none.status).toBe(401);
    expect((await none.json()).error.message).toMatch(/shiplane token create --project hello --scopes builds:write/);
    expect((await report(build, "Bearer slp_not-a-token")).status).toBe(401);
    const testsOnly = await createToken(ctx.app, LOCAL_OPERATOR, { project: "hello", scopes: "tests:write" });
    const forbidden = await report(build, `Bearer ${testsOnly.token}`);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.message).toMatch(/lacks the builds:write scope/);
    const other = await createToken(ctx.app, LOCAL_OPERATOR, { project: "shiplane", scopes: "admin" });
    // Another project's token learns nothing about this one: it is not there for it.
    const elsewhere = await report(build, `Bearer ${other.token}`);
    expect(elsewhere.status).toBe(404);
    expect((await elsewhere.json()).error.message).toMatch(/no project "hello" that you can see/);
    await revokeToken(ctx.app, LOCAL_OPERATOR, { project: "hello", id: testsOnly.record.id });
    expect((await (await report(build, `Bearer ${testsOnly.token}`)).json()).error.message).toMatch(/revoked/);
    const expiring = await createToken(ctx.app, LOCAL_OPERATOR, {
      project: "hello",
      scopes: "builds:write",
      expiresIn: "1h",
    });
    ctx.clock.advance(2 * 3_600_000);
    expect((await (await report(build, `Bearer ${expiring.token}`)).json()).error.message).toMatch(/expired/);
    expect((await report(build)).status).toBe(201);
    expect((await report({ ...build, status: "passed" })).status).toBe(200);
  });

  it("refuses a malformed report without storing it", async () => {
    const bad = await report({ buildId: "2", commitSha: "not-a-sha", branch: "main", status: "done" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "commitSha",
      "status",
    ]);
  });

  it("stores only http(s) addresses: a javascript: or data: build link is 400, a pull request's is dropped", async () => {
    for (const url of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"]) {
      const bad = await report({ buildId: "x-1", commitSha: HEAD, branch: "main", status: "passed", url });
      expect(bad.status, url).toBe(400);
      expect((await bad.json()).error.message).toMatch(/http:\/\/ or https:\/\/ address/);
    }
    const artifact = { name: "web", version: "1.0.0", url: "javascript:alert(1)" };
    const badArtifact = { buildId: "x-1", commitSha: HEAD, branch: "main", status: "passed", artifacts: [artifact] };
    expect((await report(badArtifact)).status).toBe(400);
    expect((await ctx.caller.pipeline.get({ project: "hello" })).builds).toEqual([]);

    const story = await ctx.caller.item.create({ project: "hello", title: "Links", kind: "story", owner: "ana" });
    const opened = openedPullRequest(22, `${story.key} Links`, HEAD);
    opened.pull_request.html_url = "javascript:alert(document.cookie)";
    await github("pull_request", opened);
    const detail = await ctx.caller.item.get({ id: story.id });
    expect(detail.facts.pullRequests.map((pr) => [pr.number, pr.url])).toEqual([[22, null]]);
  });

  it("story → PR → approved → green → merged → main build with an artifact → release; a red build sends it back", async () => {
    const story = await ctx.caller.item.create({ project: "hello", title: "Greet", kind: "story", owner: "ana" });
    const opened = openedPullRequest(21, `${story.key} Greet`, HEAD);
    await github("pull_request", opened);
    await github("pull_request_review", approvedReview(opened, "bob", 9001));
    expect(
      (
        await report({
          buildId: "pr-21-1",
          commitSha: HEAD,
          branch: "feature/work",
          status: "passed",
          tests: { passed: 40, failed: 0, skipped: 1 },
        })
      ).status,
    ).toBe(201);
    await github("pull_request", mergedPullRequest(opened, MERGE));
    expect((await ctx.caller.item.get({ id: story.id })).card.stage).toBe("build");

    const main = await report({
      buildId: "main-7",
      commitSha: MERGE,
      branch: "main",
      status: "passed",
      artifacts: [{ name: "web", version: "1.4.0" }],
    });
    const result = await main.json();
    expect(result.release).toMatchObject({ version: "1.4.0", items: [story.id] });
    const detail = await ctx.caller.item.get({ id: story.id });
    expect(detail.facts.releases.map((r) => r.version)).toEqual(["1.4.0"]);
    expect(detail.card.badges.release).toEqual({ version: "1.4.0" });

    const again = await report({
      buildId: "main-8",
      commitSha: MERGE,
      branch: "main",
      status: "passed",
      artifacts: [{ name: "web", version: "1.4.0" }],
    });
    expect(again.status).toBe(400);
    expect((await again.json()).error.message).toMatch(/Release 1.4.0 already exists/);

    await report({
      buildId: "main-9",
      commitSha: MERGE,
      branch: "main",
      status: "failed",
      tests: { passed: 38, failed: 2, skipped: 1 },
    });
    await recordTestRun(
      ctx.app,
      LOCAL_OPERATOR,
      { project: "hello", suite: "unit", build: "main-9" },
      parseJUnit(
        '<testsuite><testcase classname="greet" name="says hello"><failure message="no"/></testcase></testsuite>',
      ),
    );
    const back = await ctx.caller.item.get({ id: story.id });
    expect(back.card).toMatchObject({
      stage: "code",
      blocked: true,
      blockedReason: "Build main-9 failed: 2 failing tests.",
    });
    expect(back.facts.builds.find((b) => b.buildId === "main-9")?.failingTests).toEqual(["greet › says hello"]);
    await report({ buildId: "main-10", commitSha: MERGE, branch: "main", status: "passed" });
    expect((await ctx.caller.item.get({ id: story.id })).card).toMatchObject({
      stage: "code",
      blocked: false,
      blockedReason: null,
    });
    expect(
      back.history.find((e) => e.type === "item.moved" && e.payload.to === "code" && e.actor === `token:${tokenId}`)
        ?.payload.reason,
    ).toBe("Build main-9 failed: 2 failing tests.");
  });
});
