import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { createToken } from "../services/tokens";
import { testApp } from "../testing/fixtures";
import { reportBuildHandler } from "./rest-builds";
import { reportTestRunHandler } from "./rest-test-runs";

afterAll(closeTestDatabases);

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "..", "integrations", "junit", "fixtures", name), "utf8");
const SHA = "3".repeat(40);

describeOnEveryDatabase("JUnit test runs", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  const app = () => Promise.resolve(ctx.app);
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    token = (await createToken(ctx.app, LOCAL_OPERATOR, { project: "shiplane", scopes: "builds:write,tests:write" }))
      .token;
  });
  const send = (query: string, body: string, auth = `Bearer ${token}`) =>
    reportTestRunHandler(
      "shiplane",
      new Request(`http://x/api/v1/projects/shiplane/test-runs?${query}`, {
        method: "POST",
        body,
        headers: { authorization: auth, "content-type": "application/xml" },
      }),
      app,
    );

  it("stores a report for a build and answers with the counted totals", async () => {
    await reportBuildHandler(
      "shiplane",
      new Request("http://x/", {
        method: "POST",
        body: JSON.stringify({ buildId: "88", commitSha: SHA, branch: "main", status: "failed" }),
        headers: { authorization: `Bearer ${token}` },
      }),
      app,
    );
    const response = await send("suite=unit&build=88", fixture("pytest.xml"));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      suite: "unit",
      passed: 2,
      failed: 2,
      skipped: 1,
      flaky: 0,
      commitSha: SHA,
    });
  });

  it("marks a case flaky when it failed and passed for the same commit", async () => {
    const failing = fixture("vitest.xml");
    const passing = failing.replace(/<failure[\s\S]*?<\/failure>/, "");
    expect(await (await send(`suite=unit&commit=${SHA}`, failing)).json()).toMatchObject({ failed: 1, flaky: 0 });
    expect(await (await send(`suite=unit&commit=${SHA}`, passing)).json()).toMatchObject({
      failed: 0,
      passed: 3,
      flaky: 1,
    });
    expect(await (await send(`suite=other&commit=${SHA}`, failing)).json()).toMatchObject({ flaky: 0 });
  });

  it("refuses malformed XML, non-JUnit XML, a missing target and a wrong token, storing nothing", async () => {
    const broken = await send(`suite=unit&commit=${SHA}`, "<testsuite><testcase name='a'></testsuite>");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/malformed at line 1, column/);
    expect((await (await send(`suite=unit&commit=${SHA}`, "<html/>")).json()).error.message).toMatch(
      /not a JUnit report/,
    );
    expect((await (await send("suite=unit", fixture("vitest.xml"))).json()).error.message).toMatch(
      /exactly one of \?build=ID, \?commit=SHA or \?deployment=ID/,
    );
    expect((await send("suite=unit&build=404", fixture("vitest.xml"))).status).toBe(400);
    for (const target of ["deployment=0", "deployment=-1", "deployment=1e3", `commit=${SHA}&deployment=0`])
      expect((await send(`suite=unit&${target}`, fixture("vitest.xml"))).status, target).toBe(400);
    expect((await send(`suite=unit&commit=${SHA}`, fixture("vitest.xml"), "Bearer nope")).status).toBe(401);
    const events = await ctx.caller.event.list({ project: "shiplane" });
    expect(events.filter((e) => e.type === "tests.reported")).toEqual([]);
  });

  it("counts every case of a large report", async () => {
    const many = Array.from(
      { length: 20_000 },
      (_, i) =>
        `<testcase classname="big.Suite" name="case ${i}" time="0.001">${i % 1000 === 0 ? '<failure message="boom"/>' : ""}</testcase>`,
    ).join("");
    const result = await (
      await send(`suite=big&commit=${SHA}`, `<testsuites><testsuite name="big">${many}</testsuite></testsuites>`)
    ).json();
    expect(result).toMatchObject({ passed: 19_980, failed: 20, skipped: 0 });
  });

  it("refuses a report of more than 200,000 cases with 413 and the count, storing nothing", async () => {
    const cases = '<testcase classname="c" name="n"/>'.repeat(200_001);
    const answer = await send(`suite=huge&commit=${SHA}`, `<testsuite name="huge">${cases}</testsuite>`);
    expect(answer.status).toBe(413);
    const body = await answer.json();
    expect(body.error.message).toMatch(/has 200,001 test cases; one report takes at most 200,000/);
    const events = await ctx.caller.event.list({ project: "shiplane" });
    expect(events.filter((e) => e.type === "tests.reported")).toEqual([]);
  }, 60_000);
});
