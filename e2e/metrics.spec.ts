import { expect, test } from "@playwright/test";
import { createItem, createProject } from "./fixtures";

test("the metrics page charts the funnel from real moves, with a table view, CSV export and empty states", async ({
  page,
}) => {
  const project = await createProject(page.request);
  const accepted = await createItem(page.request, project, { title: "Gift wrapping", description: "At checkout" });
  await createItem(page.request, project, { title: "Voice search", description: "Maybe" });
  const moved = await page.request.post(`/api/v1/items/${accepted.id}/move`, { data: { toStage: "story" } });
  expect(moved.ok()).toBe(true);

  await page.goto(`/p/${project}/metrics`);
  await expect(page.getByRole("heading", { name: "Delivery (DORA, live environment)" })).toBeVisible();
  const funnel = page.getByRole("region", { name: "Funnel" });
  await expect(funnel.getByText("Ideas accepted as stories")).toBeVisible();
  await expect(funnel.getByText("50%")).toBeVisible();
  const chart = page.getByRole("region", { name: "Items per stage" });
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // A bar leads to its cards: the Idea bar of "Entered" lists both ideas, each a link to its panel.
  await chart.locator(".recharts-bar-rectangle").first().click();
  const behind = page.getByRole("region", { name: "Entered Idea" });
  await expect(behind.getByRole("link")).toHaveCount(2);
  await expect(behind).toContainText("Voice search");
  await behind.getByRole("link", { name: accepted.key }).click();
  await expect(page.getByRole("dialog", { name: /Gift wrapping/ })).toBeVisible();
  await page.goBack();
  await chart.getByRole("button", { name: "Table" }).click();
  await expect(chart.getByRole("row", { name: /Idea 2 1 50%/ })).toBeVisible();
  const download = page.waitForEvent("download");
  await chart.getByRole("button", { name: "CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("funnel.csv");
  const csv = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString()).toMatch(
    /^Stage,Entered,Went on,Conversion,Rejected,Sent back\r\nIdea,2,1,50%,0,0\r\n/,
  );
  await expect(
    page.getByRole("region", { name: "Throughput" }).getByText("No card reached Live in this range."),
  ).toBeVisible();
  // Legends read in funnel order, not alphabetically.
  const flow = page.getByRole("region", { name: "Cumulative flow" });
  await expect(flow.locator(".recharts-legend-item-text")).toHaveText([
    "Idea",
    "Story",
    "Code",
    "Build",
    "Test",
    "Live",
  ]);

  // The range lives in the URL.
  await page.getByRole("button", { name: "7 d" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(funnel.getByText("50%")).toBeVisible();
});
