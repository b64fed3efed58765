import { expect, test } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seriousViolations } from "./axe";
import { kill, startApp } from "./second-server";

// A fresh instance with no accounts and no demo: the first visit makes the admin account.
const PORT = 3191;
const base = `http://localhost:${PORT}`;

test("on a fresh instance the first visit creates the admin account, and then only signing in is offered", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-first-run-"));
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    SHIPLANE_DATA_DIR: dataDir,
    SHIPLANE_SEED: "none",
    PORT: String(PORT),
    DATABASE_URL: "",
  };
  const server = await startApp(PORT, env, "start.mjs");
  // A stranger to this instance: no session, and none of the suite's default headers.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: {} });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/p/demo`);
    await expect(page).toHaveURL(`${base}/setup`);
    // The first page anyone sees passes axe, light and dark.
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page, `/setup (${colorScheme})`)).toEqual([]);
    }
    await page.getByLabel("Name").fill("Olga Ops");
    await page.getByLabel("Email").fill("olga@acme.test");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "at least 8 characters" })).toBeVisible();
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await expect(page.getByRole("heading", { name: "Welcome to Shiplane" })).toBeVisible();
    await expect(page.getByText("There is no project yet")).toBeVisible();
    // Setting up again is refused, in the browser and through the API.
    await page.goto(`${base}/setup`);
    await expect(page).toHaveURL(/\/login|\/$/);
    const again = await page.request.post(`${base}/api/account/setup`, {
      data: { email: "mallory@evil.test", password: "whatever-password" },
    });
    expect(again.status()).toBe(409);
  } finally {
    await context.close();
    kill(server, "SIGTERM");
  }
});
