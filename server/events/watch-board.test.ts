import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { createApp } from "../compose";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { authOf } from "../auth/auth";
import { currentUser } from "../auth/session";
import { removeMember, setMemberRole } from "../services/members";
import { setUserDisabled } from "../services/users";
import { testApp } from "../testing/fixtures";
import { ORIGIN, person } from "../testing/people";
import { watchProjectBoard } from "./watch-board";
import { boardFeedStats, watchBoard, type BoardChange } from "./board-feed";

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

describeOnEveryDatabase("live board streams: one reader, and access re-checked", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let abort: AbortController;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    ctx.app.now = () => new Date();
    abort = new AbortController();
  });
  afterEach(async () => {
    abort.abort();
    await ctx.app.notifier.close();
  });

  it("feeds every board watching a project from one reader", async () => {
    const streams = Array.from({ length: 6 }, () => watchBoard(ctx.app, ctx.project.id, null, abort.signal));
    const seen = streams.map((stream) => take(stream, 3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(boardFeedStats(ctx.app)).toMatchObject({ projects: 1, watchers: 6 });
    for (const title of ["One", "Two", "Three"]) await ctx.caller.item.create({ project: "shiplane", title });
    for (const changes of await Promise.all(seen))
      expect(changes.map((c) => c.card?.title)).toEqual(["One", "Two", "Three"]);
    // Each change was read once for all six, not once per watcher.
    expect(boardFeedStats(ctx.app).reads).toBeLessThanOrEqual(3);
    abort.abort();
    await Promise.all(streams.map((stream) => stream.return(undefined)));
    expect(boardFeedStats(ctx.app)).toMatchObject({ projects: 0, watchers: 0 });
  });

  async function watching(role: "viewer" | "member") {
    const { user, cookie } = await person(ctx.app, "shiplane", role);
    const headers = new Headers({ cookie, origin: ORIGIN });
    const watcher = { user, role, recheck: () => currentUser(ctx.app, headers) };
    const stream = watchProjectBoard(ctx.app, { project: "shiplane" }, watcher, abort.signal, 100);
    return { user, cookie, stream };
  }

  it("ends a stream within the re-check interval once the session is signed out or the account disabled", async () => {
    const { cookie, stream } = await watching("viewer");
    const ended = stream.next();
    const out = await authOf(ctx.app).handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(out.status).toBe(200);
    await expect(ended).rejects.toMatchObject({ code: "AUTH.UNAUTHENTICATED" });

    const second = await watching("viewer");
    const stopped = second.stream.next();
    await setUserDisabled(ctx.app, LOCAL_OPERATOR, { email: second.user.email, disabled: true });
    await expect(stopped).rejects.toMatchObject({ code: "AUTH.UNAUTHENTICATED" });
  });

  /** Reads the stream until it ends with an error, which it must within two seconds. */
  async function endOf(stream: AsyncGenerator<BoardChange>): Promise<unknown> {
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline) {
      try {
        if ((await stream.next()).done) return "ended without a reason";
      } catch (error) {
        return error;
      }
    }
    return "still open";
  }

  it("ends a stream when the person's role changes or is taken away", async () => {
    const { user, stream } = await watching("member");
    const changed = endOf(stream);
    await setMemberRole(ctx.app, LOCAL_OPERATOR, { project: "shiplane", email: user.email, role: "viewer" });
    expect(await changed).toMatchObject({ code: "STREAM.ACCESS_CHANGED", details: { role: "viewer" } });

    const again = await watching("viewer");
    const removed = endOf(again.stream);
    await removeMember(ctx.app, LOCAL_OPERATOR, { project: "shiplane", email: again.user.email });
    expect(await removed).toMatchObject({ code: "STREAM.ACCESS_CHANGED", details: { role: null } });
  });

  it("lets one session hold ten live boards, refuses the eleventh, and frees a place when one closes", async () => {
    const { user, cookie } = await person(ctx.app, "shiplane", "viewer");
    const headers = new Headers({ cookie, origin: ORIGIN });
    const watcher = { user, role: "viewer" as const, recheck: () => currentUser(ctx.app, headers) };
    const open = (signal = abort.signal) => watchProjectBoard(ctx.app, { project: "shiplane" }, watcher, signal);
    // The browser closing the first tab aborts its request.
    const firstTab = new AbortController();
    abort.signal.addEventListener("abort", () => firstTab.abort());
    const streams = [open(firstTab.signal), ...Array.from({ length: 9 }, () => open())];
    const started = streams.map((stream) => stream.next());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const eleventh = open();
    await expect(eleventh.next()).rejects.toMatchObject({ code: "STREAM.LIMIT" });
    firstTab.abort();
    await started[0];
    const replacement = open();
    const next = replacement.next();
    await ctx.caller.item.create({ project: "shiplane", title: "Seen" });
    expect((await next).value?.card?.title).toBe("Seen");
  });
});
