import path from "node:path";
import { expect, test } from "@playwright/test";
import { column, createProject } from "./fixtures";

const board = path.join(process.cwd(), "server", "import", "fixtures", "trello", "how-goes-it-2017.json");
const csv = path.join(process.cwd(), "server", "import", "fixtures", "pivotal", "fish-with-sinatra-2014-stories.csv");

test("Settings → Import: a Trello board previewed, a list's stage changed, imported with its history", async ({
  page,
}) => {
  const project = await createProject(page.request);
  await page.goto(`/p/${project}/settings`);
  const section = page.getByRole("region", { name: "Import and export" });
  await section.getByLabel("Export file").setInputFiles(board);
  const preview = section.getByLabel("Import preview");
  await expect(preview).toContainText("39 new, 0 updated, 0 unchanged");
  await expect(preview).toContainText("Skipped 1: archived in Trello");
  await preview.getByLabel("Stage for the list Review").selectOption("build");
  await expect(preview).toContainText("Build 1");
  await preview.getByRole("button", { name: "Import 39 new, update 0" }).click();
  const report = section.getByRole("status", { name: "Import report" });
  await expect(report).toContainText("39 new");
  await report.getByRole("link", { name: "Open the board" }).click();
  await expect(column(page, "Build").locator("article")).toHaveCount(1);
  await expect(column(page, "Live").locator("article")).toHaveCount(19);
  // A card's imported history: its comment, by its Trello author.
  await column(page, "Live").getByText("#5 Web App Wireframes (Desktop)").click();
  await expect(page.getByRole("dialog", { name: /Wireframes/ }).getByRole("list", { name: "History" })).toContainText(
    "commented (in Trello)",
  );
});

test("Settings → Import: a Pivotal CSV, and a file that is not one is refused saying why", async ({ page }) => {
  const project = await createProject(page.request);
  await page.goto(`/p/${project}/settings`);
  const section = page.getByRole("region", { name: "Import and export" });
  await section.getByLabel("From").selectOption("pivotal");
  await section.getByLabel("Export file").setInputFiles(board);
  await expect(section.getByRole("alert")).toContainText("not a CSV Shiplane can read");
  await section.getByLabel("Export file").setInputFiles(csv);
  await expect(section.getByLabel("Import preview")).toContainText("10 new");
  await section.getByRole("button", { name: "Import 10 new, update 0" }).click();
  await expect(section.getByRole("status", { name: "Import report" })).toContainText(
    "Skipped 1: release (not a story)",
  );
  // And out again: the CSV export, a row per card.
  const download = page.waitForEvent("download");
  await section.getByRole("link", { name: /Export CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const exported = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  expect(exported.trim().split("\n")).toHaveLength(11);
});
