import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeEach, expect, it } from "vitest";
import { listDeliveries } from "../../../db/repositories/deliveries";
import { closeTestDatabases, describeOnEveryDatabase } from "../../../db/testing";
import { LOCAL_OPERATOR } from "../../../domain/access/actor";
import { createProject } from "../../services/create-project";
import { testApp } from "../../testing/fixtures";
import {
  approvedReview,
  closedPullRequest,
  examplesOf,
  mergedPullRequest,
  openedPullRequest,
  successfulCheckSuite,
} from "./fixtures";
import { drainDeliveries, replayDelivery } from "./process";
import { receiveGithubDelivery, SUPPORTED_EVENTS } from "./receive";

afterAll(closeTestDatabases);

const SECRET = "It's a Secret to Everybody";
let deliveries = 0;

describeOnEveryDatabase("GitHub webhooks", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    await createProject(ctx.app, LOCAL_OPERATOR, {
      name: "Hello World",
      slug: "hello",
      keyPrefix: "HW",
      repo: "Codertocat/Hello-World",
      webhookSecret: SECRET,
    });
  });

  async function deliver(
    event: string,
    payload: unknown,
    options: { secret?: string; id?: string; project?: string; body?: string } = {},
  ) {
    const body = options.body ?? JSON.stringify(payload);
    const headers = new Headers({
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": options.id ?? `delivery-${++deliveries}`,
      "x-hub-signature-256": await sign(options.secret ?? SECRET, body),
    });
    const reply = await receiveGithubDelivery(
      ctx.app,
      options.project ?? "hello",
      (name) => headers.get(name),
      async () => body,
    );
    if (reply.stored) await drainDeliveries(ctx.app);
    return Response.json(reply.body, { status: reply.status });
  }

  it("keeps delivery ids per project, refuses a body that is not a JSON object, and reads no body before the signature header", async () => {
    await createProject(ctx.app, LOCAL_OPERATOR, {
      name: "Other",
      slug: "other",
      keyPrefix: "OT",
      repo: "Codertocat/Hello-World",
      webhookSecret: SECRET,
    });
    const ping = examplesOf("ping")[0];
    expect((await deliver("ping", ping, { id: "same-id" })).status).toBe(202);
    expect((await deliver("ping", ping, { id: "same-id", project: "other" })).status).toBe(202);
    expect((await deliver("ping", ping, { id: "same-id" })).status).toBe(200);
    const nothing = await deliver("ping", null, { body: "null" });
    expect(nothing.status).toBe(400);
    expect((await nothing.json()).error.message).toMatch(/must be a JSON object/);
    let read = false;
    const unsigned = await receiveGithubDelivery(
      ctx.app,
      "hello",
      (name) => (name === "x-github-event" ? "ping" : null),
      async () => {
        read = true;
        return "{}";
      },
    );
    expect(unsigned.status).toBe(401);
    expect(read).toBe(false);
  });

  it("accepts and processes every example payload of the events it reads", async () => {
    for (const event of SUPPORTED_EVENTS) {
      for (const payload of examplesOf(event)) {
        const response = await deliver(event, payload);
        expect(response.status, `${event} ${payload.action ?? ""}`).toBe(202);
      }
    }
    const project = (await ctx.caller.project.list()).find((p) => p.slug === "hello")!;
    const stored = await listDeliveries(ctx.app.database, project.id, 500);
    expect(stored.filter((d) => d.status === "failed").map((d) => `${d.event}: ${d.error}`)).toEqual([]);
    expect(stored.every((d) => d.status === "processed" || d.status === "ignored")).toBe(true);
  });

  it("refuses unsigned, wrongly signed, malformed and misaddressed deliveries; ignores other events; stores a redelivery once", async () => {
    const ping = examplesOf("ping")[0];
    expect((await deliver("ping", ping, { secret: "wrong" })).status).toBe(401);
    const unsignedHeaders = new Headers({ "x-github-event": "ping", "x-github-delivery": "x" });
    const unsigned = await receiveGithubDelivery(
      ctx.app,
      "hello",
      (name) => unsignedHeaders.get(name),
      async () => "{}",
    );
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toMatchObject({ error: { code: "WEBHOOK.UNSIGNED" } });
    expect((await deliver("ping", ping, { project: "nope" })).status).toBe(404);
    const malformed = await deliver("ping", null, { body: "payload=%7B%7D" });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/application\/json/);
    const other = await deliver("issues", { action: "opened" });
    expect(other.status).toBe(202);
    expect((await other.json()).status).toBe("ignored");
    expect((await deliver("ping", ping, { id: "same" })).status).toBe(202);
    const again = await deliver("ping", ping, { id: "same" });
    expect(again.status).toBe(200);
    expect((await again.json()).status).toBe("duplicate");
  });

  it("moves a story from Story to Code when its PR opens, and to Build when it merges approved and green", async () => {
    const story = await ctx.caller.item.create({ project: "hello", title: "Greet the user", kind: "story" });
    const opened = openedPullRequest(7, `${story.key} Greet the user`, "a".repeat(40));
    await deliver("pull_request", opened);
    let detail = await ctx.caller.item.get({ id: story.id });
    expect(detail.card).toMatchObject({ stage: "code", owner: "Codertocat" });
    expect(detail.facts.pullRequests).toMatchObject([{ number: 7, state: "open" }]);
    expect(detail.history.map((e) => e.type)).toEqual(
      expect.arrayContaining(["item.linked", "pr.opened", "item.moved"]),
    );
    expect(detail.history.find((e) => e.type === "item.moved")?.actor).toBe("integration:github");

    await deliver("pull_request_review", approvedReview(opened, "reviewer", 501));
    await deliver("check_suite", successfulCheckSuite("a".repeat(40)));
    detail = await ctx.caller.item.get({ id: story.id });
    expect(detail.card.stage).toBe("code"); // approved and green, not merged yet
    expect(detail.card.badges.pr).toMatchObject({ state: "open", approvals: 1, checks: "passed", goodToMerge: true });
    await deliver("pull_request", mergedPullRequest(opened, "b".repeat(40)));
    detail = await ctx.caller.item.get({ id: story.id });
    expect(detail.card.stage).toBe("build");
    expect(detail.card.badges.pr).toMatchObject({ state: "merged", approvals: 1, checks: "passed" });
  });

  it("flags a card whose PR closes without merging, and links commits that name it", async () => {
    const story = await ctx.caller.item.create({ project: "hello", title: "Wave", kind: "story", owner: "ana" });
    const opened = openedPullRequest(8, `Wave [finishes #${story.key.split("-")[1]}]`, "c".repeat(40));
    await deliver("pull_request", opened);
    await deliver("pull_request", closedPullRequest(opened));
    const detail = await ctx.caller.item.get({ id: story.id });
    expect(detail.card).toMatchObject({
      stage: "code",
      blocked: true,
      blockedReason: "PR #8 was closed without merging.",
    });
    const reopened = JSON.parse(JSON.stringify(opened));
    reopened.action = "reopened";
    reopened.pull_request.updated_at = "2026-03-03T09:00:00Z";
    await deliver("pull_request", reopened);
    expect((await ctx.caller.item.get({ id: story.id })).card).toMatchObject({ blocked: false, blockedReason: null });
    const push = JSON.parse(JSON.stringify(examplesOf("push")[0]));
    push.ref = "refs/heads/main";
    push.commits = [{ ...push.head_commit, id: "d".repeat(40), message: `${story.key}: wave harder` }];
    await deliver("push", push);
    const linked = await ctx.caller.item.get({ id: story.id });
    expect(linked.history.at(-1)).toMatchObject({ type: "item.linked", payload: { commit: "d".repeat(40) } });
    expect(linked.facts.commits).toMatchObject([
      { sha: "d".repeat(40), message: `${story.key}: wave harder`, branch: "main" },
    ]);
  });

  it("ignores deliveries about another repository, and replays a stored delivery", async () => {
    const story = await ctx.caller.item.create({ project: "hello", title: "Elsewhere", kind: "story", owner: "ana" });
    const foreign = openedPullRequest(9, `${story.key} elsewhere`, "e".repeat(40));
    foreign.repository.full_name = "someone/else";
    await deliver("pull_request", foreign, { id: "foreign-1" });
    expect((await ctx.caller.item.get({ id: story.id })).card.stage).toBe("story");
    const hello = (await ctx.caller.project.list()).find((p) => p.slug === "hello")!;
    const replayed = await replayDelivery(ctx.app, hello.id, "foreign-1");
    expect(replayed).toMatchObject({
      status: "ignored",
      error: expect.stringMatching(/someone\/else is not this project's/),
    });
  });
});
