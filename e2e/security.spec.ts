import { expect, test } from "@playwright/test";
import { createItem, createProject } from "./fixtures";

test("every answer carries the security headers, and the pages run under the content security policy", async ({ page, request }) => {
  const project = await createProject(request);
  const item = await createItem(request, project, { title: "Headers", kind: "story", owner: "ana" });
  const answers = [await request.get(`/p/${project}`), await request.get("/api/health"), await request.post(`/api/v1/items/${item.id}/move`, { data: { toStage: "code" } })];
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
