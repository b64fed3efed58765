import { sign } from "@octokit/webhooks-methods";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../../db/testing";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { createProject } from "../../services/create-project";
import { setProjectGithubToken } from "../../services/project-settings";
import { testApp } from "../../testing/fixtures";
import { approvedReview, openedPullRequest, successfulCheckSuite } from "./fixtures";
import { drainDeliveries } from "./process";
import { receiveGithubDelivery } from "./receive";

// A local HTTP server stands in for GitHub's REST API: the network edge, and nothing else.
const received: {
  url: string;
  authorization: string | undefined;
  body: { state: string; context: string; description: string };
}[] = [];
let api: http.Server;
beforeAll(async () => {
  api = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ url: req.url ?? "", authorization: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(201, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  process.env.SHIPLANE_GITHUB_API_URL = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.SHIPLANE_GITHUB_API_URL;
  await new Promise((resolve) => api.close(resolve));
  await closeTestDatabases();
});

const SECRET = "gates";
let deliveries = 0;

describeOnEveryDatabase("the shiplane/gates commit status", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    received.length = 0;
    ctx = await testApp(await fresh());
    await createProject(ctx.app, LOCAL_OPERATOR, {
      name: "Hello",
      slug: "hello",
      keyPrefix: "HW",
      repo: "Codertocat/Hello-World",
      webhookSecret: SECRET,
    });
  });

  async function github(event: string, payload: unknown) {
    const body = JSON.stringify(payload);
    const headers = new Headers({
      "x-github-event": event,
      "x-github-delivery": `g-${++deliveries}`,
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

  it("posts pending, then success once the PR is approved and green, each state once", async () => {
    await setProjectGithubToken(ctx.app, LOCAL_OPERATOR, { project: "hello", token: "ghp_test" });
    const story = await ctx.caller.item.create({ project: "hello", title: "Greet", kind: "story", owner: "ana" });
    const head = "5".repeat(40);
    const opened = openedPullRequest(31, `${story.key} Greet`, head);
    await github("pull_request", opened);
    await github("pull_request", opened); // the same state again: nothing new is posted
    await github("pull_request_review", approvedReview(opened, "bob", 77));
    await github("check_suite", successfulCheckSuite(head));
    expect(received.map((r) => [r.url, r.body.state, r.body.description])).toEqual([
      [`/repos/Codertocat/Hello-World/statuses/${head}`, "pending", "0 of 1 required approvals"],
      [`/repos/Codertocat/Hello-World/statuses/${head}`, "pending", "Waiting for checks"],
      [`/repos/Codertocat/Hello-World/statuses/${head}`, "success", "Good to merge: approved and green"],
    ]);
    expect(received.every((r) => r.authorization === "Bearer ghp_test" && r.body.context === "shiplane/gates")).toBe(
      true,
    );
  });

  it("posts nothing without a GitHub token", async () => {
    await github("pull_request", openedPullRequest(32, "no card", "6".repeat(40)));
    expect(received).toEqual([]);
  });
});
