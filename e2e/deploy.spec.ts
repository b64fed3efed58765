import { expect, test, type Page } from "@playwright/test";
import { column, createProject, drag } from "./fixtures";
import { ciToken, releasedStory, trpc, useDemoSteps } from "./delivery";

test.describe.configure({ timeout: 90_000 });

let run = 0;
const version = (minor: number) => `${run}.${minor}.0`;

const row = (page: Page, v: string) => page.getByRole("row", { name: `Release ${v}` });

test.beforeEach(() => {
  run = Math.floor(Date.now() / 1000) % 100000;
});

test("a merged story goes to test, passes the regression suite, and one click promotes it to live", async ({
  page,
}) => {
  const project = await createProject(page.request);
  await useDemoSteps(page.request, project);
  const token = await ciToken(page.request, project);
  const { item } = await releasedStory(page, project, token, "One-click checkout", version(1));

  await page.goto(`/p/${project}/releases`);
  // The live column offers Promote, never Deploy.
  await expect(row(page, version(1)).getByRole("button", { name: /Deploy .* to live/ })).toHaveCount(0);
  await page.getByRole("button", { name: `Deploy ${version(1)} to test` }).click();
  const deploy = page.getByRole("dialog", { name: `Deploy ${version(1)} to test?` });
  await expect(deploy.getByText(/replaces what test runs/)).toBeVisible();
  await deploy.getByRole("button", { name: `Deploy ${version(1)}` }).click();
  await expect(row(page, version(1)).getByRole("link", { name: `${version(1)} on test: verified` })).toBeVisible({
    timeout: 30_000,
  });
  await page.goto(`/p/${project}`);
  await expect(column(page, "Test").getByText("One-click checkout")).toBeVisible();

  await page.goto(`/p/${project}/releases`);
  await row(page, version(1)).getByRole("button", { name: "Promote…" }).click();
  const dialog = page.getByRole("dialog", { name: `Promote ${version(1)} to live?` });
  await expect(dialog.getByText("Passed the regression suite on test.")).toBeVisible();
  await expect(dialog.getByText(item.key)).toBeVisible();
  await dialog.getByRole("button", { name: `Promote ${version(1)}` }).click();
  await expect(row(page, version(1)).getByRole("link", { name: `${version(1)} on live: live` })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByLabel(`live serves ${version(1)}`)).toBeVisible();

  const served = await (await page.request.get("/demo/live/version.json")).json();
  expect(served).toMatchObject({ version: version(1), slot: "green" });
  await page.goto(`/p/${project}`);
  await expect(column(page, "Live").getByText("One-click checkout")).toBeVisible();
});

test("a failing regression suite sends the cards back to Code with the failing test named", async ({ page }) => {
  const project = await createProject(page.request);
  await useDemoSteps(page.request, project);
  const token = await ciToken(page.request, project);
  const { releaseId } = await releasedStory(page, project, token, "Faulty search", version(2), [
    { name: "fault-injection", version: "1" },
  ]);
  const deploy = await page.request.post(`/api/v1/releases/${releaseId}/deploy`, {
    headers: { authorization: `Bearer ${token}` },
    data: { environment: "test" },
  });
  expect(deploy.status()).toBe(202);
  const { id } = await deploy.json();
  await page.goto(`/p/${project}/deployments/${id}`);
  await expect(page.getByRole("status", { name: "Deployment state: regression failed" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByLabel("Deployment log")).toContainText("✗ checkout › health check reports ok");
  await expect(page.getByRole("listitem").filter({ hasText: "✗ checkout › health check reports ok" })).toBeVisible();
  await page.goto(`/p/${project}`);
  const card = column(page, "Code").locator("article", { hasText: "Faulty search" });
  await expect(card).toBeVisible();
  const promote = await page.request.post(`/api/v1/releases/${releaseId}/promote`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(promote.status()).toBe(422);
  expect((await promote.json()).error.reasons.join(" ")).toMatch(
    /Failed the regression suite on test: checkout › health check reports ok/,
  );
});

test("rolling back blue-green live restores the previous version in one click", async ({ page }) => {
  const project = await createProject(page.request);
  await useDemoSteps(page.request, project);
  const token = await ciToken(page.request, project);
  const auth = { authorization: `Bearer ${token}` };
  for (const [minor, title] of [
    [3, "Gift cards"],
    [4, "Saved carts"],
  ] as const) {
    const { releaseId } = await releasedStory(page, project, token, title, version(minor));
    await page.request.post(`/api/v1/releases/${releaseId}/deploy`, { headers: auth, data: { environment: "test" } });
    await expect
      .poll(
        async () =>
          (
            await trpc<{ releases: { id: number; promotion: { allowed: boolean } | null }[] }>(
              page.request,
              "release.overview",
              { project },
              "query",
            )
          ).releases.find((r) => r.id === releaseId)?.promotion?.allowed,
        { timeout: 30_000 },
      )
      .toBe(true);
    expect((await page.request.post(`/api/v1/releases/${releaseId}/promote`, { headers: auth })).status()).toBe(202);
    await expect
      .poll(async () => (await (await page.request.get("/demo/live/version.json")).json()).version, { timeout: 30_000 })
      .toBe(version(minor));
  }

  await page.goto(`/p/${project}/releases`);
  const live = page.getByRole("article", { name: "Environment live" });
  await expect(live.getByLabel(`live serves ${version(4)}`)).toBeVisible();
  page.on("dialog", () => {
    throw new Error("Rollback must not use a browser prompt.");
  });
  await live.getByRole("button", { name: "Roll back…" }).click();
  const confirm = page.getByRole("dialog", { name: `Roll back live to ${version(3)}?` });
  await expect(confirm.getByLabel("What the rollback does")).toContainText(
    `live serves ${version(4)} now. It goes back to ${version(3)}, which was live until`,
  );
  await expect(confirm.getByText("Gift cards")).toBeVisible();
  await confirm.getByLabel("Why (recorded)").fill("Saved carts lose items");
  await confirm.getByRole("button", { name: `Roll back to ${version(3)}` }).click();
  await expect(live.getByLabel(`live serves ${version(3)}`)).toBeVisible({ timeout: 30_000 });
  expect((await (await page.request.get("/demo/live/version.json")).json()).version).toBe(version(3));
  await expect(row(page, version(4)).getByText(/Pinned: rolled back on live/)).toBeVisible();
  await page.goto(`/p/${project}`);
  await expect(column(page, "Test").getByText("Saved carts")).toBeVisible();
  await expect(column(page, "Live").getByText("Gift cards")).toBeVisible();
});

test("dragging a verified card from Test to Live asks to promote its release, and it goes live", async ({ page }) => {
  const project = await createProject(page.request);
  await useDemoSteps(page.request, project);
  const token = await ciToken(page.request, project);
  const { releaseId } = await releasedStory(page, project, token, "Wishlist sharing", version(5));
  await page.request.post(`/api/v1/releases/${releaseId}/deploy`, {
    headers: { authorization: `Bearer ${token}` },
    data: { environment: "test" },
  });
  await page.goto(`/p/${project}`);
  const card = column(page, "Test").locator("article", { hasText: "Wishlist sharing" });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(
      async () =>
        (await trpc<{ decision: { allowed: boolean } }>(page.request, "release.checkPromotion", { releaseId }, "query"))
          .decision.allowed,
      { timeout: 30_000 },
    )
    .toBe(true);
  await drag(page, card, column(page, "Live"));
  const dialog = page.getByRole("dialog", { name: `Promote ${version(5)} to live?` });
  await expect(dialog.getByText("Passed the regression suite on test.")).toBeVisible();
  await expect(column(page, "Test").getByText("Wishlist sharing")).toBeVisible();
  await dialog.getByRole("button", { name: `Promote ${version(5)}` }).click();
  await expect(column(page, "Live").getByText("Wishlist sharing")).toBeVisible({ timeout: 30_000 });
});
