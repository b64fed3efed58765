import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, expect, it } from "vitest";
import { main } from "./main";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeEach(() => {
  process.env.SHIPLANE_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-cli-"));
  delete process.env.DATABASE_URL;
});

it("migrates, creates a project and an item, with JSON for scripts", async () => {
  expect(await run("db", "migrate")).toMatchObject({
    code: 0,
    out: expect.stringMatching(/Migrations applied \(sqlite/),
  });
  const project = await run(
    "project",
    "create",
    "--name",
    "Storefront",
    "--repo",
    "acme/storefront",
    "--prefix",
    "SF",
    "--json",
  );
  expect(project.code).toBe(0);
  expect(JSON.parse(project.out)).toMatchObject({ slug: "storefront", keyPrefix: "SF", repo: "acme/storefront" });
  const item = await run(
    "item",
    "create",
    "--project",
    "storefront",
    "--title",
    "Gift cards",
    "--kind",
    "story",
    "--owner",
    "ana",
    "--labels",
    "checkout,payments",
    "--json",
  );
  expect(JSON.parse(item.out)).toMatchObject({
    key: "SF-1",
    stage: "story",
    owner: "ana",
    labels: ["checkout", "payments"],
  });
  expect((await run("project", "list")).out).toMatch(/^storefront\tSF\tStorefront\tacme\/storefront/);
});

it("fails with a clear message and exit code 1 on a refusal, 2 on a usage error", async () => {
  const missing = await run("item", "create", "--project", "nope", "--title", "x");
  expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/^error: There is no project "nope"/) });
  const json = await run("item", "create", "--project", "nope", "--title", "x", "--json");
  expect(JSON.parse(json.out)).toEqual({ error: { code: "PROJECT.NOT_FOUND", message: expect.any(String) } });
  await run("project", "create", "--name", "Storefront");
  expect(await run("project", "create", "--name", "Storefront")).toMatchObject({
    code: 1,
    err: expect.stringMatching(/already exists/),
  });
  expect(await run("project", "create", "--name", "Bad", "--prefix", "1x")).toMatchObject({
    code: 1,
    err: expect.stringMatching(/not a usable key prefix/),
  });
  expect((await run("project", "create")).code).toBe(2);
  expect(await run("item", "create", "--project", "storefront", "--title", "x", "--kind", "epic")).toMatchObject({
    code: 2,
    err: expect.stringMatching(/--kind must be idea or story/),
  });
  expect(await run("webhooks", "replay", "no-such-delivery", "--project", "storefront")).toMatchObject({
    code: 1,
    err: expect.stringMatching(/No GitHub delivery "no-such-delivery"/),
  });
  expect(await run("seed", "everything")).toMatchObject({
    code: 2,
    err: expect.stringMatching(/use "demo" or "synthetic"/),
  });
  expect(await run("seed", "synthetic", "--items", "0")).toMatchObject({
    code: 2,
    err: expect.stringMatching(/--items must be/),
  });
});

it("seeds the demo project and a synthetic board", async () => {
  const seeded = await run("seed", "demo", "--json");
  expect(seeded.code).toBe(0);
  expect(JSON.parse(seeded.out)).toMatchObject({ slug: "demo", keyPrefix: "SL" });
  expect(await run("seed", "synthetic", "--items", "120")).toMatchObject({
    code: 0,
    out: expect.stringMatching(/with 120 cards on its board and a year of their moves at \/p\/synthetic/),
  });
});

it("creates accounts: an instance admin, or a person with a role in a project", async () => {
  await run("project", "create", "--name", "Storefront", "--prefix", "SF");
  expect(
    await run("user", "create", "--email", "ops@acme.test", "--password", "ops-password", "--role", "admin"),
  ).toMatchObject({ code: 0, out: expect.stringMatching(/an instance admin/) });
  const ana = await run(
    "user",
    "create",
    "--email",
    "Ana@Acme.test",
    "--password",
    "ana-password",
    "--role",
    "release-manager",
    "--project",
    "storefront",
    "--json",
  );
  expect(JSON.parse(ana.out)).toEqual({
    email: "ana@acme.test",
    siteAdmin: false,
    project: "storefront",
    role: "release-manager",
  });
  expect(await run("user", "create", "--email", "ana@acme.test", "--password", "another-password")).toMatchObject({
    code: 1,
    err: expect.stringMatching(/already an account/),
  });
  expect(await run("user", "create", "--email", "bo@acme.test", "--password", "short")).toMatchObject({
    code: 1,
    err: expect.stringMatching(/at least 8 characters/),
  });
  expect(
    await run("user", "create", "--email", "bo@acme.test", "--password", "bo-password", "--role", "owner"),
  ).toMatchObject({ code: 2, err: expect.stringMatching(/--role must be one of/) });
});

it("imports a Trello board and a Pivotal Tracker CSV, with a dry run, a mapping and clear refusals", async () => {
  const fixtures = path.join(__dirname, "..", "import", "fixtures");
  await run("db", "migrate");
  await run("project", "create", "--name", "Moving in", "--slug", "moving-in", "--prefix", "MI");
  const board = path.join(fixtures, "trello", "how-goes-it-2017.json");
  const dry = await run("import", "trello", board, "--project", "moving-in", "--dry-run", "--json");
  expect(dry.code).toBe(0);
  expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, created: 39, perStage: { live: 19 } });
  const mapped = await run("import", "trello", board, "--project", "moving-in", "--map", "Review=build");
  expect(mapped).toMatchObject({
    code: 0,
    out: expect.stringMatching(/Imported "How Goes It\? - Public Board" into moving-in: 39 created.*build 1/),
  });
  const again = await run(
    "import",
    "pivotal",
    path.join(fixtures, "pivotal", "fulcrum-2011-stories.csv"),
    "--project",
    "moving-in",
  );
  expect(again).toMatchObject({ code: 0, out: expect.stringMatching(/48 created/) });
  expect(await run("import", "trello", board, "--project", "moving-in", "--map", "Review=shipped")).toMatchObject({
    code: 2,
    err: expect.stringMatching(/--map "Review=shipped": write "List name=stage"/),
  });
  const notCsv = path.join(process.env.SHIPLANE_DATA_DIR!, "board.csv");
  fs.writeFileSync(notCsv, "Name,State\nx,y\n");
  expect(await run("import", "pivotal", notCsv, "--project", "moving-in")).toMatchObject({
    code: 1,
    err: expect.stringMatching(/not a Pivotal Tracker CSV export: its first row has no "Id"/),
  });
});

it("imports into a new project named after the board, or as --new-project says", async () => {
  await run("db", "migrate");
  const board = path.join(__dirname, "..", "import", "fixtures", "trello", "deck-data-trelloJson.json");
  const dry = await run("import", "trello", board, "--new-project", "--dry-run", "--json");
  expect(JSON.parse(dry.out)).toMatchObject({ project: null, dryRun: true, created: 1 });
  const made = await run("import", "trello", board, "--new-project", "--json");
  expect(made.code).toBe(0);
  expect(JSON.parse(made.out)).toMatchObject({ project: "test-board-name", created: 1 });
  const named = await run("import", "trello", board, "--new-project", "Deck moved in", "--json");
  expect(JSON.parse(named.out)).toMatchObject({ project: "deck-moved-in", created: 1 });
  expect(await run("import", "trello", board)).toMatchObject({
    code: 2,
    err: expect.stringMatching(/--project SLUG, or create one with --new-project/),
  });
});
