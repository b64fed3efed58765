import { afterAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { testApp } from "../testing/fixtures";

afterAll(closeTestDatabases);

describeOnEveryDatabase("work items", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
  });

  it("captures an idea with the next key at the bottom of the Idea column", async () => {
    const first = await ctx.caller.item.create({
      project: "shiplane",
      title: "  Dark mode ",
      labels: ["UX", "ux", " web "],
    });
    const second = await ctx.caller.item.create({ project: "shiplane", title: "Export CSV" });
    expect(first).toMatchObject({
      key: "SL-1",
      kind: "idea",
      stage: "idea",
      title: "Dark mode",
      labels: ["ux", "web"],
      version: 1,
    });
    expect(second.key).toBe("SL-2");
    expect(second.position > first.position).toBe(true);
    const board = await ctx.caller.board.get({ project: "shiplane" });
    expect(board.cards.map((c) => c.key)).toEqual(["SL-1", "SL-2"]);
    expect(board.columns.find((c) => c.key === "idea")?.count).toBe(2);
  });

  it("answers the head of each column with the full counts, and says whether that is the whole board", async () => {
    for (let i = 0; i < 5; i++) await ctx.caller.item.create({ project: "shiplane", title: `Idea ${i}` });
    await ctx.caller.item.create({ project: "shiplane", title: "A story", kind: "story" });
    const head = await ctx.caller.board.get({ project: "shiplane", limitPerColumn: 3 });
    expect(head.complete).toBe(false);
    expect(head.cards.filter((c) => c.stage === "idea").map((c) => c.title)).toEqual(["Idea 0", "Idea 1", "Idea 2"]);
    expect(head.cards.filter((c) => c.stage === "story").map((c) => c.title)).toEqual(["A story"]);
    expect(head.columns.find((c) => c.key === "idea")?.count).toBe(5);
    const roomy = await ctx.caller.board.get({ project: "shiplane", limitPerColumn: 5 });
    expect(roomy.complete).toBe(true);
    expect(roomy.cards).toHaveLength(6);
  });

  it("refuses a bad title, an unknown stage and an unknown project without changing anything", async () => {
    await expect(ctx.caller.item.create({ project: "shiplane", title: "   " })).rejects.toThrow(/needs a title/);
    await expect(ctx.caller.item.create({ project: "shiplane", title: "x".repeat(501) })).rejects.toThrow(
      /at most 500/,
    );
    await expect(ctx.caller.item.create({ project: "shiplane", title: "ok", stage: "code" })).rejects.toThrow(
      /cannot start in Code/,
    );
    await expect(ctx.caller.item.create({ project: "nope", title: "ok" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const board = await ctx.caller.board.get({ project: "shiplane" });
    expect(board.cards).toHaveLength(0);
  });

  it("accepts an idea with a description into Story, recording the move and the interval", async () => {
    const idea = await ctx.caller.item.create({ project: "shiplane", title: "Dark mode" });
    await expect(ctx.caller.item.move({ id: idea.id, toStage: "story" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringMatching(/needs a description/),
    });
    const described = await ctx.caller.item.update({
      id: idea.id,
      expectedVersion: 1,
      description: "Follow the system theme.",
    });
    ctx.clock.advance(60_000);
    const story = await ctx.caller.item.move({ id: idea.id, toStage: "story", expectedVersion: described.version });
    expect(story).toMatchObject({ stage: "story", kind: "story", version: 3 });
    const detail = await ctx.caller.item.get({ id: idea.id });
    expect(detail.history.map((e) => e.type)).toEqual(["item.created", "item.updated", "item.moved"]);
    expect(detail.history[2].payload).toEqual({ from: "idea", to: "story" });
    expect(detail.intervals.map((i) => [i.stage, i.leftAt !== null])).toEqual([
      ["idea", true],
      ["story", false],
    ]);
  });

  it("answers a stale version with a conflict carrying the current card", async () => {
    const idea = await ctx.caller.item.create({ project: "shiplane", title: "Dark mode" });
    await ctx.caller.item.update({ id: idea.id, expectedVersion: 1, title: "Dark theme" });
    const error = await ctx.caller.item
      .update({ id: idea.id, expectedVersion: 1, title: "Night mode" })
      .catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.shape?.data?.details?.current?.title ?? error.cause?.details?.current?.title).toBe("Dark theme");
    expect((await ctx.caller.item.get({ id: idea.id })).card.title).toBe("Dark theme");
  });

  it("needs a reason for a backward move and records it", async () => {
    const story = await ctx.caller.item.create({ project: "shiplane", title: "Search", kind: "story", owner: "ana" });
    await ctx.caller.item.move({ id: story.id, toStage: "code" });
    await expect(ctx.caller.item.move({ id: story.id, toStage: "story" })).rejects.toThrow(/give a reason/);
    const back = await ctx.caller.item.move({ id: story.id, toStage: "story", reason: "Scope unclear" });
    expect(back.stage).toBe("story");
    const history = (await ctx.caller.item.get({ id: story.id })).history;
    expect(history.at(-1)?.payload).toEqual({ from: "code", to: "story", reason: "Scope unclear" });
  });

  it("refuses Build without a merged, approved, green PR; an admin may force it with a reason", async () => {
    const story = await ctx.caller.item.create({ project: "shiplane", title: "Search", kind: "story", owner: "ana" });
    await ctx.caller.item.move({ id: story.id, toStage: "code" });
    await expect(ctx.caller.item.move({ id: story.id, toStage: "build" })).rejects.toThrow(/No pull request is linked/);
    await expect(ctx.caller.item.move({ id: story.id, toStage: "build", force: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const forced = await ctx.caller.item.move({
      id: story.id,
      toStage: "build",
      force: true,
      reason: "Hotfix merged by hand",
    });
    expect(forced.stage).toBe("build");
    const last = (await ctx.caller.item.get({ id: story.id })).history.at(-1);
    expect(last?.payload).toMatchObject({
      forced: true,
      reason: "Hotfix merged by hand",
      overriddenReasons: [expect.stringMatching(/No pull request/)],
    });
  });

  it("reorders within a column between the named neighbours", async () => {
    const a = await ctx.caller.item.create({ project: "shiplane", title: "A" });
    const b = await ctx.caller.item.create({ project: "shiplane", title: "B" });
    const c = await ctx.caller.item.create({ project: "shiplane", title: "C" });
    await ctx.caller.item.move({ id: c.id, toStage: "idea", beforeId: a.id });
    await ctx.caller.item.move({ id: a.id, toStage: "idea", afterId: b.id });
    const board = await ctx.caller.board.get({ project: "shiplane" });
    expect(board.cards.map((card) => card.title)).toEqual(["C", "B", "A"]);
  });

  it("rejects with a reason into a searchable archive, and restores to the column it left", async () => {
    const idea = await ctx.caller.item.create({ project: "shiplane", title: "Blockchain everything" });
    await expect(ctx.caller.item.reject({ id: idea.id, reason: " " })).rejects.toThrow(/Say why/);
    await ctx.caller.item.reject({ id: idea.id, reason: "Not our market" });
    expect((await ctx.caller.board.get({ project: "shiplane" })).cards).toHaveLength(0);
    expect(await ctx.caller.item.archive({ project: "shiplane", q: "market" })).toMatchObject([
      { key: "SL-1", rejectedReason: "Not our market" },
    ]);
    expect(await ctx.caller.item.archive({ project: "shiplane", q: "zzz" })).toEqual([]);
    await expect(ctx.caller.item.move({ id: idea.id, toStage: "story" })).rejects.toMatchObject({ code: "CONFLICT" });
    const restored = await ctx.caller.item.restore({ id: idea.id });
    expect(restored.stage).toBe("idea");
    expect((await ctx.caller.item.get({ id: idea.id })).history.map((e) => e.type)).toEqual([
      "item.created",
      "item.rejected",
      "item.restored",
    ]);
  });

  it("says which stage is unknown and which card is missing", async () => {
    const idea = await ctx.caller.item.create({ project: "shiplane", title: "A" });
    await expect(ctx.caller.item.move({ id: idea.id, toStage: "done" })).rejects.toThrow(/no stage "done"/);
    await expect(ctx.caller.item.move({ id: 9999, toStage: "story" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps every concurrent move: versions serialise writers", async () => {
    const cards = await Promise.all(
      Array.from({ length: 10 }, (_, i) => ctx.caller.item.create({ project: "shiplane", title: `Card ${i}` })),
    );
    const results = await Promise.allSettled(
      cards.flatMap((card) => [
        ctx.caller.item.update({ id: card.id, expectedVersion: 1, title: `${card.title} (a)` }),
        ctx.caller.item.update({ id: card.id, expectedVersion: 1, title: `${card.title} (b)` }),
      ]),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(
      results
        .filter((r) => r.status === "rejected")
        .every((r) => (r as PromiseRejectedResult).reason.code === "CONFLICT"),
    ).toBe(true);
    const board = await ctx.caller.board.get({ project: "shiplane" });
    expect(new Set(board.cards.map((c) => c.key)).size).toBe(10);
    expect(board.cards.every((c) => c.version === 2)).toBe(true);
  });

  it("moves the same cards from many concurrent requests without losing or doubling anything", async () => {
    const cards = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        ctx.caller.item.create({ project: "shiplane", title: `Busy ${i}`, kind: "story", owner: "ana" }),
      ),
    );
    const moves = Array.from({ length: 40 }, (_, i) =>
      ctx.caller.item.move({
        id: cards[i % 4].id,
        toStage: i % 2 ? "story" : "code",
        reason: "rework",
        afterId: cards[(i + 1) % 4].id,
      }),
    );
    const results = await Promise.allSettled(moves);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.message),
    ).toEqual([]);
    for (const card of cards) {
      const detail = await ctx.caller.item.get({ id: card.id });
      const moved = detail.history.filter((e) => e.type === "item.moved" || e.type === "item.reordered");
      expect(moved).toHaveLength(10);
      expect(detail.intervals.filter((i) => i.leftAt === null)).toHaveLength(1);
      expect(detail.intervals.at(-1)?.stage).toBe(detail.card.stage);
      expect(detail.card.version).toBe(
        1 + detail.history.filter((e) => e.type === "item.moved" || e.type === "item.reordered").length,
      );
    }
  });
});
