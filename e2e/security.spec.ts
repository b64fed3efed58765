import { expect, test } from "@playwright/test";
import { ADMIN } from "../playwright.config";
import { createItem, createProject } from "./fixtures";

test("every answer carries the security headers, and the pages run under the content security policy", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  const item = await createItem(request, project, { title: "Headers", kind: "story", owner: "ana" });
  const answers = [
    await request.get(`/p/${project}`),
    await request.get("/api/health"),
    await request.post(`/api/v1/items/${item.id}/move`, { data: { toStage: "code" } }),
  ];
  for (const answer of answers) {
    const headers = answer.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const pages = ["", "/releases", "/metrics", "/pipeline", "/archive", "/audit", "/members", "/settings"];
  for (const path of [...pages.map((p) => `/p/${project}${p}`), "/users", "/workers"]) {
    const answer = await page.goto(path);
    const policy = answer!.headers()["content-security-policy"];
    const scripts = /script-src ([^;]*)/.exec(policy)![1];
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts).not.toContain("unsafe-inline");
    await expect(page.getByRole("heading").first(), path).toBeVisible();
    // Every script the page was served with carries the nonce, and the page came alive (hydrated).
    expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.nonce && !s.src).length)).toBe(0);
  }
  // Charts render under the policy too.
  await page.goto(`/p/${project}/metrics`);
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible();
  expect(violations).toEqual([]);
  // Markup injected into the page cannot run script: an inline handler has no nonce.
  const ran = await page.evaluate(async () => {
    const blocked = new Promise<string>((resolve) =>
      document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true }),
    );
    const holder = document.createElement("div");
    holder.innerHTML = '<img src="/icon.svg?x" onload="window.__injected = true">';
    document.body.append(holder);
    const directive = await blocked;
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { directive, injected: (window as { __injected?: boolean }).__injected ?? false };
  });
  expect(ran).toEqual({ directive: expect.stringMatching(/^script-src/), injected: false });
});

test("after sign-in the browser goes only to a page of Shiplane, with its query and hash", async ({
  browser,
  baseURL,
  page,
}) => {
  // Already signed in: a hostile next goes home, on this site.
  for (const next of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/"]) {
    await page.goto(`/login?next=${next}`);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  }
  const project = await createProject(page.request);
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const guest = await context.newPage();
  await guest.goto(`/p/${project}/releases?environment=test#history`);
  await expect(guest).toHaveURL(/\/login\?next=/);
  await guest.getByLabel("Email").fill(ADMIN.email);
  await guest.getByLabel("Password").fill(ADMIN.password);
  await guest.getByRole("button", { name: "Sign in" }).click();
  await expect(guest).toHaveURL(new RegExp(`/p/${project}/releases\\?environment=test#history$`));
  await context.close();
});

test("the audit trail lists forced moves and token changes, filters them and exports CSV", async ({
  page,
  request,
}) => {
  const project = await createProject(request);
  const item = await createItem(request, project, { title: "Outage fix", kind: "story", owner: "ana" });
  const forced = await request.post("/api/trpc/item.move", {
    data: { json: { id: item.id, toStage: "build", force: true, reason: "Merged by hand during the outage" } },
  });
  expect(forced.ok(), await forced.text()).toBe(true);
  const token = await request.post("/api/trpc/settings.createToken", {
    data: { json: { project, name: "Jenkins", scopes: ["builds:write"] } },
  });
  expect(token.ok()).toBe(true);

  await page.goto(`/p/${project}/audit`);
  await expect(
    page.getByRole("row", { name: /Forced move story → build past the gate: “Merged by hand during the outage”/ }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /Token created “Jenkins” \(builds:write\)/ })).toBeVisible();
  await page.getByLabel("Action").selectOption("token.created");
  await expect(page).toHaveURL(/action=token.created/);
  await expect(page.getByRole("row", { name: /Forced move/ })).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
  expect(csv).toMatch(
    /^Time,Actor,Action,Details\r\n.*,user:admin@e2e.test,token.created,“Jenkins” \(builds:write\)\r\n$/,
  );
});
