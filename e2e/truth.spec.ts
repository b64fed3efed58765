import { expect, test } from "@playwright/test";
import { column, createItem, createProject } from "./fixtures";

test("the card panel shows the card as it is after Accept and Move to, with the move in its history", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Wishlist", description: "Save products for later", owner: "ana" });
  await page.goto(`/p/${project}`);
  await column(page, "Idea").getByText("Wishlist").click();
  const panel = page.getByRole("dialog", { name: /Wishlist/ });
  await panel.getByRole("button", { name: "Accept into Story" }).click();
  await expect(column(page, "Story").getByText("Wishlist")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Accept into Story" })).toHaveCount(0);
  await expect(panel.getByText("Story", { exact: true })).toBeVisible();
  await expect(panel.getByText(/Idea → Story|moved to Story|Story/).first()).toBeVisible();
  await panel.getByLabel("Move to stage").selectOption("code");
  await expect(column(page, "Code").getByText("Wishlist")).toBeVisible();
  await expect(panel.getByText("Code", { exact: true })).toBeVisible();
  // Closed and opened again, it still says so.
  await panel.getByRole("button", { name: "Close" }).click();
  await column(page, "Code").getByText("Wishlist").click();
  await expect(page.getByRole("dialog", { name: /Wishlist/ }).getByText("Code", { exact: true })).toBeVisible();
});

test("a refusal shows over the panel and beside its control, with the gate's words", async ({ page, request }) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Gift wrap" });
  await page.goto(`/p/${project}`);
  await column(page, "Idea").getByText("Gift wrap").click();
  const panel = page.getByRole("dialog", { name: /Gift wrap/ });
  await panel.getByRole("button", { name: "Accept into Story" }).click();
  // The notice is inside the open dialog (above it, announced), and the panel keeps it beside the controls.
  await expect(panel.getByRole("alert").filter({ hasText: "cannot move to Story" })).toBeVisible();
  await expect(panel.getByRole("alert")).toContainText("needs a description");
  await expect(panel.locator("section").getByText(/needs a description/)).toBeVisible();
  await expect(column(page, "Idea").getByText("Gift wrap")).toBeVisible();
});

test("a conflict keeps what was typed, merges the other change and names a field both changed", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  const item = await createItem(request, project, { title: "Search", description: "Old text", kind: "story" });
  await page.goto(`/p/${project}`);
  await column(page, "Story").getByText("Search").click();
  const panel = page.getByRole("dialog", { name: /Search/ });
  await panel.getByLabel("Description").fill("My new description");
  // Someone else renames it and rewrites the description meanwhile.
  const other = await request.post("/api/trpc/item.update", {
    data: { json: { id: item.id, expectedVersion: item.version, title: "Search suggestions", description: "Theirs" } },
  });
  expect(other.ok(), await other.text()).toBe(true);
  await expect(panel.getByLabel("Title")).toHaveValue("Search suggestions");
  await expect(panel.getByLabel("Description")).toHaveValue("My new description");
  const conflict = panel.getByRole("status").filter({ hasText: "Someone else changed Description" });
  await expect(conflict).toContainText("Theirs");
  await conflict.getByRole("button", { name: "Keep mine" }).click();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "saved" })).toBeVisible();
  // The panel's address survives a reload, and what was saved is what it shows.
  await page.reload();
  await expect(page.getByRole("dialog", { name: /Search suggestions/ }).getByLabel("Description")).toHaveValue(
    "My new description",
  );
});

test("Escape on a panel with unsaved edits asks to keep editing or discard", async ({ page, request }) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Reviews", kind: "story" });
  await page.goto(`/p/${project}`);
  await column(page, "Story").getByText("Reviews").click();
  const panel = page.getByRole("dialog", { name: /Reviews/ });
  await panel.getByLabel("Description").fill("Half-written");
  await page.keyboard.press("Escape");
  const ask = panel.getByRole("alertdialog", { name: "Unsaved changes" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(panel.getByLabel("Description")).toHaveValue("Half-written");
  await panel.getByRole("button", { name: "Close" }).click();
  await panel.getByRole("alertdialog", { name: "Unsaved changes" }).getByRole("button", { name: "Discard" }).click();
  await expect(panel).toBeHidden();
});

test("keyboard: N then typing keeps the text; Enter opens; Space and → move one column, into an empty one", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  await createItem(request, project, { title: "Loyalty points", description: "Points per order" });
  await page.goto(`/p/${project}`);
  // Shortcuts work once the page's script runs (the live dot comes on then).
  await expect(page.getByRole("status", { name: "Live updates on" })).toBeVisible();
  await page.keyboard.press("n");
  await page.keyboard.type("Gift wrap");
  const dialog = page.getByRole("dialog", { name: "New idea" });
  await expect(dialog.getByLabel("Title")).toHaveValue("Gift wrap");
  await page.keyboard.press("Escape");

  await page.keyboard.press("j");
  const card = column(page, "Idea").locator("article").filter({ hasText: "Loyalty points" });
  await expect(card).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: /Loyalty points/ })).toBeVisible();
  await page.keyboard.press("Escape");

  await card.focus();
  await page.keyboard.press("Space");
  await page.waitForTimeout(150);
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(150);
  await page.keyboard.press("Space");
  // Story was empty: the card is there now, not back in Idea.
  await expect(column(page, "Story").getByText("Loyalty points")).toBeVisible();
  await expect(column(page, "Idea").getByText("Loyalty points")).toHaveCount(0);
});

test("Ctrl-K finds a card by key and opens it; a, assign to me, takes the focused card", async ({ page, request }) => {
  const project = await createProject(request);
  const item = await createItem(request, project, { title: "Dark mode", kind: "story" });
  await page.goto(`/p/${project}`);
  await expect(page.getByRole("status", { name: "Live updates on" })).toBeVisible();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Go to or do" });
  await palette.getByRole("combobox").fill(item.key);
  await expect(palette.getByRole("option", { name: `Assign ${item.key} to me` })).toBeVisible();
  await palette.getByRole("option", { name: new RegExp(`${item.key} Dark mode`) }).click();
  await expect(page.getByRole("dialog", { name: /Dark mode/ })).toBeVisible();
  await page.keyboard.press("Escape");

  await column(page, "Story").locator("article").first().focus();
  await page.keyboard.press("a");
  await expect(page.getByRole("status").filter({ hasText: `${item.key} is yours` })).toBeVisible();
  await expect(column(page, "Story").locator("article").first()).toContainText("Owner");
});
