import { expect, test } from "@playwright/test";
import { createItem, createProject } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

test("no page scrolls sideways on a phone; the nav is a menu and the card panel fits the screen", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  const item = await createItem(request, project, {
    title: "A story with a rather long title that has to wrap on a narrow screen",
    kind: "story",
    owner: "ana",
    labels: ["checkout", "mobile"],
  });
  const pages = ["", "/releases", "/metrics", "/pipeline", "/archive", "/members", "/audit", "/settings"];
  for (const path of [...pages.map((p) => `/p/${project}${p}`), "/", "/account", "/users", "/workers"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
  }
  await page.goto(`/p/${project}`);
  await page.getByText("☰").click();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${project}/settings`));

  await page.goto(`/p/${project}?item=${item.id}`);
  const panel = page.getByRole("dialog", { name: /rather long title/ });
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.width).toBeLessThanOrEqual(390);
  await panel.getByLabel("Description").fill("Edited on a phone");
  await panel.getByRole("button", { name: "Save" }).scrollIntoViewIfNeeded();
  const save = (await panel.getByRole("button", { name: "Save" }).boundingBox())!;
  expect(save.x + save.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/phone-panel.png" });
});
