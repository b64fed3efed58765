import { expect, test } from "@playwright/test";
import { column, createItem, createProject, drag } from "./fixtures";

test("a card dragged with the mouse stays in its new column after a reload", async ({ page, request }) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Search suggestions", kind: "story", owner: "ana" });
  await page.goto(`/p/${project}`);
  const target = column(page, "Code");
  await drag(page, column(page, "Story").locator("article").first(), target);
  await expect(target.getByText("Search suggestions")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "moved to Code" })).toBeVisible();
  await page.reload();
  await expect(column(page, "Code").getByText("Search suggestions")).toBeVisible();
  await expect(column(page, "Story").getByText("Search suggestions")).toHaveCount(0);
});

test("a card moves with the keyboard", async ({ page, request }) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Keyboard story", kind: "story", owner: "ben" });
  await page.goto(`/p/${project}`);
  const story = column(page, "Story").locator("article").first();
  await story.focus();
  await page.keyboard.press("Space");
  await page.waitForTimeout(100);
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(100);
  await page.keyboard.press("Space");
  await expect(column(page, "Code").getByText("Keyboard story")).toBeVisible();
  await page.reload();
  await expect(column(page, "Code").getByText("Keyboard story")).toBeVisible();
});

test("a drag that a gate refuses snaps back and says why", async ({ page, request }) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Nobody owns this", kind: "story" });
  await page.goto(`/p/${project}`);
  await drag(page, column(page, "Story").locator("article").first(), column(page, "Code"));
  const alert = page.getByRole("alert").filter({ hasText: "cannot move to Code" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("needs an owner");
  await expect(column(page, "Story").getByText("Nobody owns this")).toBeVisible();
  await expect(column(page, "Code").getByText("Nobody owns this")).toHaveCount(0);
});

test("a second page sees a move live, without reloading", async ({ page, browser, request }) => {
  const project = await createProject(request);
  const item = await createItem(request, project, { title: "Watched story", kind: "story", owner: "chen" });
  const other = await browser.newPage();
  await other.goto(`/p/${project}`);
  await expect(other.getByRole("status", { name: "Live updates on" })).toBeVisible();
  await page.goto(`/p/${project}`);
  await drag(page, column(page, "Story").locator("article").first(), column(page, "Code"));
  await expect(column(other, "Code").getByText("Watched story")).toBeVisible({ timeout: 2_000 });
  // A change made by a script reaches the page too.
  const moved = await request.post(`/api/v1/items/${item.id}/move`, { data: { toStage: "story", reason: "Re-plan" } });
  expect(moved.status()).toBe(200);
  await expect(column(other, "Story").getByText("Watched story")).toBeVisible({ timeout: 2_000 });
  await other.close();
});

test("capture an idea, accept it into Story, reject another and restore it from the archive", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  await page.goto(`/p/${project}`);
  await expect(column(page, "Idea")).toContainText("No ideas yet");

  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog", { name: "New idea" });
  await dialog.getByLabel("Title").fill("Wishlist");
  await dialog.getByLabel("Description").fill("Let customers save products for later.");
  await dialog.getByLabel("Labels").fill("growth");
  await dialog.getByRole("button", { name: "Capture idea" }).click();
  await expect(column(page, "Idea").getByText("Wishlist")).toBeVisible();

  await column(page, "Idea").getByText("Wishlist").click();
  const drawer = page.getByRole("dialog", { name: /Wishlist/ });
  await drawer.getByRole("button", { name: "Accept into Story" }).click();
  await expect(column(page, "Story").getByText("Wishlist")).toBeVisible();
  await drawer.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "New idea" }).click();
  await dialog.getByLabel("Title").fill("Fax ordering");
  await dialog.getByRole("button", { name: "Capture idea" }).click();
  await column(page, "Idea").getByText("Fax ordering").click();
  const faxDrawer = page.getByRole("dialog", { name: /Fax ordering/ });
  await faxDrawer.getByRole("button", { name: "Reject…" }).click();
  await faxDrawer.getByLabel("Why is it rejected?").fill("Nobody has a fax machine");
  await faxDrawer.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "rejected and archived" })).toBeVisible();
  await faxDrawer.getByRole("button", { name: "Close" }).click();
  await expect(column(page, "Idea").getByText("Fax ordering")).toHaveCount(0);

  await page.getByRole("link", { name: "Archive" }).click();
  await page.getByLabel("Search the archive").fill("fax machine");
  await expect(page.getByText("Nobody has a fax machine")).toBeVisible();
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("status").filter({ hasText: "restored" })).toBeVisible();
  await page.getByRole("link", { name: "Board", exact: true }).click();
  await expect(column(page, "Idea").getByText("Fax ordering")).toBeVisible();
});

test("filters by text, owner and label, and the URL keeps them", async ({ page, request }) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Checkout redesign", kind: "story", owner: "ana", labels: ["checkout"] });
  await createItem(request, project, { title: "Search ranking", kind: "story", owner: "ben", labels: ["search"] });
  await createItem(request, project, {
    title: "Checkout analytics",
    kind: "story",
    owner: "ben",
    labels: ["checkout", "data"],
  });
  await page.goto(`/p/${project}`);
  await page.getByLabel("Search cards").fill("checkout");
  await expect(page.locator("article")).toHaveCount(2);
  // With a filter on, a column says how many of its cards it shows.
  await expect(column(page, "Story").getByLabel("2 of 3 cards shown")).toHaveText("2 / 3");
  await page.getByLabel("Owner").selectOption("ben");
  await expect(page.locator("article")).toHaveCount(1);
  await expect(page.getByText("Checkout analytics")).toBeVisible();
  await expect(page).toHaveURL(/q=checkout/);
  await expect(page).toHaveURL(/owner=ben/);
  await page.reload();
  await expect(page.locator("article")).toHaveCount(1);
  await page.getByLabel("Search cards").fill("");
  await page.getByLabel("Owner").selectOption("");
  await page.getByLabel("Label").selectOption("search");
  await expect(page.locator("article")).toHaveCount(1);
  await expect(page.getByText("Search ranking")).toBeVisible();
});

test("the Move to… menu moves a card, and a move back asks for a reason", async ({ page, request }) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Menu story", kind: "story", owner: "dana" });
  await page.goto(`/p/${project}`);
  const card = column(page, "Story").locator("article").first();
  await card.hover();
  await card.getByLabel(/Move .* to…/).click();
  await page.getByRole("menuitem", { name: "Code" }).click();
  await expect(column(page, "Code").getByText("Menu story")).toBeVisible();

  const moved = column(page, "Code").locator("article").first();
  await moved.hover();
  await moved.getByLabel(/Move .* to…/).click();
  await page.getByRole("menuitem", { name: "Story" }).click();
  const dialog = page.getByRole("dialog", { name: "Send back for rework" });
  await dialog.getByLabel("Reason").fill("Acceptance criteria unclear");
  await dialog.getByRole("button", { name: "Send back" }).click();
  await expect(column(page, "Story").getByText("Menu story")).toBeVisible();
  await column(page, "Story").getByText("Menu story").click();
  await expect(page.getByRole("list", { name: "History" })).toContainText(
    "moved Code → Story: “Acceptance criteria unclear”",
  );
});

test("cards reorder within a column by dragging", async ({ page, request }) => {
  const project = await createProject(request);
  for (const title of ["First", "Second", "Third"]) await createItem(request, project, { title, kind: "story" });
  await page.goto(`/p/${project}`);
  const story = column(page, "Story");
  await drag(page, story.locator("article").nth(2), story.locator("article").nth(0));
  await expect(story.locator("article").first()).toContainText("Third");
  await page.reload();
  await expect(story.locator("article").nth(0)).toContainText("Third");
  await expect(story.locator("article").nth(1)).toContainText("First");
});

test("settings show the webhook and create a token shown once; the pipeline lists reported builds", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  await page.goto(`/p/${project}/settings`);
  await expect(page.getByLabel("Payload URL")).toContainText(`/api/webhooks/github/${project}`);
  await expect(page.getByText("No delivery yet")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Jenkins");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByLabel("New token").textContent())!.trim();
  expect(token).toMatch(/^slp_/);
  await expect(page.getByRole("cell", { name: /Jenkins/ })).toBeVisible();

  const build = await request.post(`/api/v1/projects/${project}/builds`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      buildId: "77",
      commitSha: "a".repeat(40),
      branch: "main",
      status: "failed",
      tests: { passed: 10, failed: 2, skipped: 0 },
    },
  });
  expect(build.status()).toBe(201);
  await page.getByRole("link", { name: "Pipeline" }).click();
  await expect(page.getByRole("row", { name: /failed 77/ })).toContainText("10 passed, 2 failed");
  await expect(page.getByText("0%")).toBeVisible();
});

test("a card that needs manual QA is signed off from its panel, with a note kept in its history", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  const card = await createItem(request, project, {
    title: "Gift cards",
    kind: "story",
    owner: "dana",
    needsManualQa: true,
  });
  await page.goto(`/p/${project}?item=${card.id}`);
  const qa = page.getByRole("region", { name: "Manual QA" });
  await expect(qa.getByText("Needed before this card can go live.")).toBeVisible();
  await qa.getByLabel("QA note").fill("Checked on an iPhone and in Firefox");
  await qa.getByRole("button", { name: "Sign off QA" }).click();
  await expect(qa.getByText(/Signed off by you.*Checked on an iPhone and in Firefox/)).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText(
    "manual QA signed off: “Checked on an iPhone and in Firefox”",
  );
});
