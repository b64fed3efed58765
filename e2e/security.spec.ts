import { expect, test } from "@playwright/test";
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
  for (const path of [`/p/${project}`, `/p/${project}/releases`, `/p/${project}/metrics`]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Project" })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible();
  expect(violations).toEqual([]);
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
