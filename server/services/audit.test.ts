import { afterAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { testApp } from "../testing/fixtures";

afterAll(closeTestDatabases);

describeOnEveryDatabase("audit trail", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
  });

  it("lists settings, tokens, forced moves and release actions, newest first, filtered by action, actor and day", async () => {
    const card = await ctx.caller.item.create({
      project: "shiplane",
      title: "Audited",
      kind: "story",
      description: "d",
      owner: "ana",
    });
    await ctx.caller.item.move({ id: card.id, toStage: "code" });
    ctx.clock.advance(86_400_000);
    await ctx.caller.item.move({
      id: card.id,
      toStage: "build",
      force: true,
      reason: "Merged by hand during the outage",
    });
    await ctx.caller.settings.createToken({ project: "shiplane", name: "Jenkins", scopes: ["builds:write"] });
    await ctx
      .as({ id: "user:maya", role: "admin" })
      .release.setPolicy({ project: "shiplane", lineStopped: { reason: "Incident 7" } });

    const all = await ctx.caller.audit.list({ project: "shiplane" });
    expect(all.entries.map((e) => [e.action, e.actor])).toEqual([
      ["line.stopped", "user:maya"],
      ["token.created", "user:local"],
      ["item.moved", "user:local"],
      ["environment.created", "user:local"],
      ["environment.created", "user:local"],
      ["project.created", "user:local"],
    ]);
    expect(all.entries.find((e) => e.action === "item.moved")?.summary).toBe(
      "code → build past the gate: “Merged by hand during the outage”",
    );
    expect(all.entries.find((e) => e.action === "token.created")?.summary).toBe("“Jenkins” (builds:write)");
    expect(all.entries[0].summary).toBe("Incident 7");

    expect((await ctx.caller.audit.list({ project: "shiplane", actor: "user:maya" })).entries).toHaveLength(1);
    expect((await ctx.caller.audit.list({ project: "shiplane", action: "item.moved" })).entries).toHaveLength(1);
    expect(
      (await ctx.caller.audit.list({ project: "shiplane", from: "2026-03-03", to: "2026-03-03" })).entries.map(
        (e) => e.action,
      ),
    ).toEqual(["line.stopped", "token.created", "item.moved"]);
    const page = await ctx.caller.audit.list({ project: "shiplane", limit: 2 });
    expect(page).toMatchObject({ more: true, entries: [{ action: "line.stopped" }, { action: "token.created" }] });
    await expect(ctx.caller.audit.list({ project: "shiplane", action: "item.created" })).rejects.toThrow(
      /not an audited action/,
    );
    await expect(ctx.as({ id: "user:ben", role: "member" }).audit.list({ project: "shiplane" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
