import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase, registerCleanup } from "../../db/testing";
import { createApp } from "../compose";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { createCaller } from "../trpc/root";
import { seedDemo } from "./demo";

afterAll(closeTestDatabases);

describeOnEveryDatabase("demo seed", (fresh) => {
  it("fills every column with cards whose badges and gates have real data behind them", async () => {
    const database = await fresh();
    const data = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-demo-"));
    process.env.SHIPLANE_DATA_DIR = data;
    // The workers' folder sits where the account that runs steps can reach it.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-demo-work-"));
    fs.chmodSync(work, 0o755);
    process.env.SHIPLANE_WORK_DIR = path.join(work, "work");
    registerCleanup(async () => {
      delete process.env.SHIPLANE_DATA_DIR;
      delete process.env.SHIPLANE_WORK_DIR;
      fs.rmSync(data, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    });
    await seedDemo(database, { now: new Date("2026-03-31T12:00:00Z") });
    const app = createApp(database, () => new Date("2026-03-31T12:00:00Z"));
    registerCleanup(() => app.notifier.close());
    const caller = createCaller({ app, actor: LOCAL_OPERATOR });
    const board = await caller.board.get({ project: "demo" });
    const counts = Object.fromEntries(board.columns.map((c) => [c.key, c.count]));
    expect(counts).toEqual({ idea: 3, story: 2, code: 3, build: 2, test: 2, live: 3 });
    const byTitle = (title: string) => board.cards.find((c) => c.title === title)!;
    expect(byTitle("Apple Pay").badges).toMatchObject({
      pr: { state: "open", approvals: 1 },
      build: { status: "failed" },
    });
    expect(byTitle("Faster product search").badges).toMatchObject({
      release: { version: "1.3.0" },
      tests: { passed: 51, failed: 0, source: "regression" },
    });
    expect(byTitle("One-page checkout").badges.deployment).toEqual({ environment: "live", status: "succeeded" });
    expect(byTitle("Dark mode for the shop").ageing).toBe(true);
    // The gates read the same facts: gift cards need manual QA before live.
    await expect(caller.item.move({ id: byTitle("Gift cards at checkout").id, toStage: "live" })).rejects.toThrow(
      /Manual QA/,
    );
    expect(await caller.item.archive({ project: "demo" })).toHaveLength(1);
    // A person of each role, to sign in as.
    const { members } = await caller.member.list({ project: "demo" });
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ["admin@shiplane.demo", "admin"],
      ["member@shiplane.demo", "member"],
      ["release-manager@shiplane.demo", "release-manager"],
      ["viewer@shiplane.demo", "viewer"],
    ]);
    // What the history says is deployed was published by the demo deployer itself, in the workers' folder.
    const served = (env: string) =>
      JSON.parse(fs.readFileSync(path.join(work, "work", "demo", env, "current", "version.json"), "utf8")).version;
    expect(served("live")).toBe("1.2.0");
    expect(served("test")).toBe("1.3.0");
    const releases = await caller.release.overview({ project: "demo" });
    expect(releases.environments.map((e) => [e.name, e.serving?.version, e.schedule?.cron ?? null])).toEqual([
      ["test", "1.3.0", "0 2 * * *"],
      ["live", "1.2.0", null],
    ]);
    const liveDeployment = releases.releases.find((r) => r.version === "1.2.0")!.cells[1].deployment!;
    expect((await caller.release.deployment({ id: liveDeployment.id })).log).toMatch(/Published 3 files/);
  });
});
