import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { createApp } from "../compose";
import { testApp } from "../testing/fixtures";
import { watchBoard, type BoardChange } from "./watch-board";

afterAll(closeTestDatabases);

async function take(stream: AsyncGenerator<BoardChange>, count: number): Promise<BoardChange[]> {
  const out: BoardChange[] = [];
  while (out.length < count) {
    const next = await Promise.race([
      stream.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`only ${out.length} of ${count} changes arrived`)), 5000),
      ),
    ]);
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describeOnEveryDatabase("live board changes", (fresh, dialect) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let abort: AbortController;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    abort = new AbortController();
  });
  afterEach(async () => {
    abort.abort();
    await ctx.app.notifier.close();
  });

  it("streams each committed change with the card as it is now", async () => {
    const board = await ctx.caller.board.get({ project: "shiplane" });
    const stream = watchBoard(ctx.app, ctx.project.id, board.lastEventId, abort.signal);
    const first = take(stream, 3);
    const card = await ctx.caller.item.create({ project: "shiplane", title: "Live", kind: "story", owner: "ana" });
    await ctx.caller.item.move({ id: card.id, toStage: "code" });
    await ctx.caller.item.reject({ id: card.id, reason: "Duplicate" });
    const changes = await first;
    expect(changes.map((c) => c.type)).toEqual(["item.created", "item.moved", "item.rejected"]);
    expect(changes.every((c) => c.card?.id === card.id)).toBe(true);
    expect(changes[2].card).toMatchObject({ id: card.id, stage: "rejected" });
    expect(changes.map((c) => c.eventId)).toEqual([...changes.map((c) => c.eventId)].sort((a, b) => a - b));
  });

  it("resumes after the last event a client saw, replaying what it missed", async () => {
    const board = await ctx.caller.board.get({ project: "shiplane" });
    await ctx.caller.item.create({ project: "shiplane", title: "Missed one" });
    await ctx.caller.item.create({ project: "shiplane", title: "Missed two" });
    const stream = watchBoard(ctx.app, ctx.project.id, board.lastEventId, abort.signal);
    const replayed = await take(stream, 2);
    expect(replayed.map((c) => c.card?.title)).toEqual(["Missed one", "Missed two"]);
    const next = take(stream, 1);
    await ctx.caller.item.create({ project: "shiplane", title: "Fresh" });
    expect((await next)[0].card?.title).toBe("Fresh");
  });

  it("does not stream another project's changes", async () => {
    await ctx.caller.project.create({ name: "Other", slug: "other", keyPrefix: "OT" });
    const stream = watchBoard(ctx.app, ctx.project.id, null, abort.signal);
    const next = take(stream, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ctx.caller.item.create({ project: "other", title: "Elsewhere" });
    await ctx.caller.item.create({ project: "shiplane", title: "Here" });
    expect((await next)[0].card?.title).toBe("Here");
  });

  it.runIf(dialect === "postgres")("reaches a watcher on another app instance sharing the database", async () => {
    const other = createApp(ctx.app.database);
    try {
      const board = await ctx.caller.board.get({ project: "shiplane" });
      const stream = watchBoard(other, ctx.project.id, board.lastEventId, abort.signal);
      const next = take(stream, 1);
      await ctx.caller.item.create({ project: "shiplane", title: "From instance A" });
      const [change] = await next;
      expect(change.card?.title).toBe("From instance A");
    } finally {
      await other.notifier.close();
    }
  });
});
