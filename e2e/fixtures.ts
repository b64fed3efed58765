import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

let counter = 0;

/** A fresh project per test (through the same tRPC endpoint the UI uses), so tests never share cards. */
export async function createProject(request: APIRequestContext, prefix = "E") {
  counter += 1;
  const slug = `e2e-${Date.now().toString(36)}-${counter}`;
  const response = await request.post("/api/trpc/project.create", {
    data: {
      json: {
        name: `Journey ${counter}`,
        slug,
        keyPrefix: `${prefix}${(Date.now() % 1_000_000).toString(36).toUpperCase()}${counter}`,
      },
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return slug;
}

export async function createItem(
  request: APIRequestContext,
  project: string,
  item: {
    title: string;
    kind?: "idea" | "story";
    description?: string;
    owner?: string;
    labels?: string[];
    needsManualQa?: boolean;
  },
) {
  const response = await request.post(`/api/v1/projects/${project}/items`, { data: item });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: number; key: string; version: number; stage: string };
}

export function column(page: Page, name: string): Locator {
  return page.getByRole("region", { name });
}

/** A pointer drag dnd-kit recognises: press, a small move to start, then to the target in steps. */
export async function drag(page: Page, from: Locator, to: Locator) {
  const source = await from.boundingBox();
  const target = await to.boundingBox();
  if (!source || !target) throw new Error("drag: element not visible");
  await page.mouse.move(source.x + source.width / 2, source.y + 20);
  await page.mouse.down();
  await page.mouse.move(source.x + source.width / 2 + 10, source.y + 30, { steps: 2 });
  await page.mouse.move(target.x + target.width / 2, target.y + Math.min(target.height / 2, 120), { steps: 15 });
  await page.mouse.up();
}
