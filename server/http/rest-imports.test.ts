import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { createToken } from "../services/tokens";
import { getBoard } from "../services/get-board";
import { testApp } from "../testing/fixtures";
import { fingerprint } from "../testing/hostile";
import { exportHandler, importHandler } from "./rest-imports";

afterAll(closeTestDatabases);

const board = fs.readFileSync(path.join(__dirname, "..", "import", "fixtures", "trello", "how-goes-it-2017.json"));

describeOnEveryDatabase("POST /api/v1/projects/{project}/imports", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  const tokens: Record<string, string> = {};
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    for (const scope of ["admin", "items:write"] as const)
      tokens[scope] = (await createToken(ctx.app, LOCAL_OPERATOR, { project: "shiplane", scopes: scope })).token;
  });
  const post = (query: string, body: BodyInit, token = tokens.admin) =>
    importHandler(
      "shiplane",
      new Request(`http://x/api/v1/projects/shiplane/imports?${query}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body,
      }),
      () => Promise.resolve(ctx.app),
    );

  it("imports a Trello board with an admin token: a dry run first, then the import, then nothing new", async () => {
    const dry = await post("source=trello&dryRun=true&map=Review%3Dbuild", board);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, created: 39, perStage: { build: 1, test: 0 } });
    expect((await getBoard(ctx.app, { project: "shiplane" })).cards).toHaveLength(0);
    const done = await post("source=trello", board);
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ created: 39, perStage: { live: 19 }, history: { comments: 17 } });
    expect(await (await post("source=trello", board)).json()).toMatchObject({ created: 0, unchanged: 39 });
  });

  it("refuses a token without admin, an unknown source and a file that is not a board, writing nothing", async () => {
    const before = await fingerprint(ctx.app.database);
    expect((await post("source=trello", board, tokens["items:write"])).status).toBe(403);
    const unknown = await post("source=jira", board);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toMatch(/source is "trello"/);
    const notBoard = await post("source=trello", JSON.stringify({ name: "x" }));
    expect(notBoard.status).toBe(400);
    expect((await notBoard.json()).error.message).toMatch(/not a Trello board export/);
    const notCsv = await post("source=pivotal", "Name\nx\n");
    expect((await notCsv.json()).error.message).toMatch(/no "Id" and no "Title"/);
    expect(await fingerprint(ctx.app.database)).toEqual(before);
  });

  it("exports every card as JSON with its history, and as CSV with one row per card", async () => {
    await post("source=trello&archived=true", board);
    const get = (format: string, token = tokens.admin) =>
      exportHandler(
        "shiplane",
        new Request(`http://x/api/v1/projects/shiplane/export?format=${format}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        () => Promise.resolve(ctx.app),
      );
    const json = await get("json");
    expect(json.headers.get("content-disposition")).toMatch(/attachment; filename="shiplane-\d{4}-\d{2}-\d{2}\.json"/);
    const body = (await json.json()) as {
      cards: {
        key: string;
        stage: string;
        reachedLiveAt: string | null;
        history: { type: string }[];
        source: string;
      }[];
    };
    expect(body.cards).toHaveLength(40);
    expect(body.cards.filter((c) => c.stage === "archived")).toHaveLength(1);
    const wireframes = body.cards.find((c) => c.source === "trello:5a20262fcfb232c510d017bb")!;
    expect(wireframes.reachedLiveAt).toBe("2017-12-08T02:45:46.830Z");
    expect(wireframes.history.map((h) => h.type)).toEqual(["item.created", "item.commented", "item.moved"]);
    const csv = await (await get("csv")).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("Key,Title,Stage,Owner,Labels,Estimate,Created,Reached Live");
    expect(lines).toHaveLength(41);
    expect(csv).toContain(
      `${wireframes.key},#5 Web App Wireframes (Desktop),live,andrejciho,Strategy,,2017-11-30T15:39:27.435Z,2017-12-08T02:45:46.830Z`,
    );
    expect((await get("xml")).status).toBe(400);
  });
});
