import { expect, test } from "@playwright/test";
import { seriousViolations as serious } from "./axe";
import { ciToken, releasedStory, trpc, useDemoSteps } from "./delivery";
import { createItem, createProject } from "./fixtures";

test("every page, panel and dialog passes axe in light and dark, with no serious or critical violation", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const project = await createProject(page.request);
  await useDemoSteps(page.request, project);
  const token = await ciToken(page.request, project);
  const { item, releaseId } = await releasedStory(page, project, token, "Saved carts", `${Date.now() % 100000}.2.0`);
  await createItem(page.request, project, { title: "Gift wrap", description: "At checkout", labels: ["growth"] });
  const deployed = await page.request.post(`/api/v1/releases/${releaseId}/deploy`, {
    headers: { authorization: `Bearer ${token}` },
    data: { environment: "test" },
  });
  expect(deployed.status()).toBe(202);
  const deployment = ((await deployed.json()) as { id: number }).id;
  const invite = await trpc<{ path: string }>(page.request, "member.invite", {
    project,
    email: "guest@a11y.test",
    role: "viewer",
  });
  const pages = [
    `/p/${project}`,
    `/p/${project}?item=${item.id}`,
    `/p/${project}/releases`,
    `/p/${project}/deployments/${deployment}`,
    `/p/${project}/metrics`,
    `/p/${project}/pipeline`,
    `/p/${project}/archive`,
    `/p/${project}/members`,
    `/p/${project}/audit`,
    `/p/${project}/settings`,
    "/",
    "/users",
    "/workers",
    "/account",
  ];
  const found: string[] = [];
  const guest = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const signedOut = await guest.newPage();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await signedOut.emulateMedia({ colorScheme: scheme });
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      found.push(...(await serious(page, `${path} (${scheme})`)));
      await page.screenshot({ path: `test-results/screens/${scheme}${path.replace(/[/?=&]+/g, "_")}.png` });
    }
    // Dialogs over the board: new idea, the shortcuts, the command palette.
    await page.goto(`/p/${project}`);
    await expect(page.getByRole("status", { name: "Live updates on" })).toBeVisible();
    for (const [key, name] of [
      ["n", "New idea"],
      ["?", "Keyboard shortcuts"],
      ["Control+k", "Go to or do"],
    ] as const) {
      await page.keyboard.press(key);
      await expect(page.getByRole("dialog", { name })).toBeVisible();
      found.push(...(await serious(page, `${name} dialog (${scheme})`)));
      await page.keyboard.press("Escape");
    }
    for (const path of ["/login", invite.path]) {
      await signedOut.goto(path);
      await signedOut.waitForLoadState("networkidle");
      found.push(...(await serious(signedOut, `${path} (${scheme})`)));
    }
  }
  await guest.close();
  expect(found).toEqual([]);
});
