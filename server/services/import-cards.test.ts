import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, expect, it } from "vitest";
import { fingerprint } from "../testing/hostile";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { planPivotal } from "../../domain/import/pivotal";
import { planTrello } from "../../domain/import/trello";
import { readPivotalCsv } from "../import/pivotal-csv";
import { testApp } from "../testing/fixtures";
import { getBoard } from "./get-board";
import { funnelMetric } from "./get-metrics";
import { getAudit } from "./get-audit";
import { importCards } from "./import-cards";
import { listArchive } from "./list-archive";

afterAll(closeTestDatabases);

const fixtures = path.join(__dirname, "..", "import", "fixtures");
const trello = (name: string, options = {}) =>
  planTrello(JSON.parse(fs.readFileSync(path.join(fixtures, "trello", name), "utf8")), options);
const pivotal = (name: string) => {
  const { header, rows } = readPivotalCsv(fs.readFileSync(path.join(fixtures, "pivotal", name), "utf8"));
  return planPivotal(header, rows);
};

describeOnEveryDatabase("importing Trello and Pivotal Tracker", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
  });
  const perStage = async () => {
    const board = await getBoard(ctx.app, { project: "shiplane" });
    return board.cards.reduce<Record<string, number>>((n, c) => ({ ...n, [c.stage]: (n[c.stage] ?? 0) + 1 }), {});
  };

  it("a Trello board lands in its stages with its history, and the metrics see the past", async () => {
    const report = await importCards(ctx.app, LOCAL_OPERATOR, {
      project: "shiplane",
      plan: trello("how-goes-it-2017.json", { archived: true }),
    });
    expect(report).toMatchObject({
      created: 40,
      updated: 0,
      unchanged: 0,
      perStage: { idea: 9, story: 6, code: 4, build: 0, test: 1, live: 19, archived: 1 },
      history: { comments: 17, partial: false },
    });
    expect(await perStage()).toEqual({ idea: 9, story: 6, code: 4, test: 1, live: 19 });
    expect(await listArchive(ctx.app, { project: "shiplane" })).toHaveLength(1);
    const audit = await getAudit(ctx.app, { project: "shiplane", action: "project.imported" });
    expect(audit.entries.map((e) => [e.actor, e.summary])).toEqual([
      ["user:local", "Trello “How Goes It? - Public Board”: 40 created, 0 updated"],
    ]);
    const funnel = await funnelMetric(ctx.app, { project: "shiplane", from: "2017-11-01", to: "2018-03-01" });
    expect(funnel.stages.find((s) => s.stage === "live")!.entered).toBeGreaterThan(0);
  });

  it("importing the same file again creates nothing, updates what changed and does not move cards back", async () => {
    const plan = pivotal("workshop2_20191006_1729.csv");
    expect((await importCards(ctx.app, LOCAL_OPERATOR, { project: "shiplane", plan })).created).toBe(19);
    const board = await getBoard(ctx.app, { project: "shiplane" });
    const again = await importCards(ctx.app, LOCAL_OPERATOR, { project: "shiplane", plan });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 19 });
    const renamed = { ...plan, cards: plan.cards.map((c, i) => (i === 0 ? { ...c, title: "Renamed in Pivotal" } : c)) };
    expect(await importCards(ctx.app, LOCAL_OPERATOR, { project: "shiplane", plan: renamed })).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 18,
    });
    const after = await getBoard(ctx.app, { project: "shiplane" });
    expect(after.cards.map((c) => c.stage).sort()).toEqual(board.cards.map((c) => c.stage).sort());
    expect(after.cards.some((c) => c.title === "Renamed in Pivotal")).toBe(true);
  });

  it("a dry run reports the same and writes nothing", async () => {
    const before = await fingerprint(ctx.app.database);
    const report = await importCards(ctx.app, LOCAL_OPERATOR, {
      project: "shiplane",
      plan: pivotal("fulcrum-2011-stories.csv"),
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, created: 48, perStage: { idea: 12, story: 6, code: 3, live: 27 } });
    expect(await fingerprint(ctx.app.database)).toEqual(before);
  });
});
