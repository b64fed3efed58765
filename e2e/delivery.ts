import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { createItem } from "./fixtures";
import { createHmac, randomUUID } from "node:crypto";
import {
  approvedReview,
  mergedPullRequest,
  openedPullRequest,
  successfulCheckSuite,
} from "../server/integrations/github/fixtures";

/** Calls a tRPC procedure the way the UI does (superjson envelope). */
export async function trpc<T = unknown>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  kind: "query" | "mutation" = "mutation",
): Promise<T> {
  const response =
    kind === "mutation"
      ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
      : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The demo's scripts by their full path: steps run in the workers' folder. */
const scripts = path.resolve(import.meta.dirname, "..", "scripts", "demo");
const step = (script: string) => ({ type: "command", command: `node ${scripts}/${script}`, timeoutSeconds: 60 });

/** The demo's real steps on a project's environments: test in place, live blue-green. */
export async function useDemoSteps(request: APIRequestContext, project: string) {
  await trpc(request, "release.configureEnvironment", {
    project,
    environment: "test",
    settings: { url: "/demo/test/", deployer: step("deploy.mjs"), verify: step("regression.mjs") },
  });
  await trpc(request, "release.configureEnvironment", {
    project,
    environment: "live",
    strategy: "blue-green",
    settings: {
      url: "/demo/live/",
      slots: { blue: "/demo/live/blue/", green: "/demo/live/green/" },
      deployer: step("deploy.mjs"),
      verify: step("regression.mjs"),
      switch: step("switch.mjs"),
    },
  });
}

let pr = 100;

/** A card's PR opened, approved, green and merged, through signed GitHub webhooks. */
export async function mergeThroughGithub(request: APIRequestContext, project: string, key: string, title: string) {
  const settings = await trpc<{ webhook: { secret: string } }>(request, "settings.get", { project }, "query");
  const send = async (event: string, payload: unknown) => {
    const body = JSON.stringify(payload);
    const response = await request.post(`/api/webhooks/github/${project}`, {
      headers: {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": `sha256=${createHmac("sha256", settings.webhook.secret).update(body).digest("hex")}`,
      },
      data: body,
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
  };
  const number = ++pr;
  const head = `${number}`.padStart(8, "0") + "a".repeat(32);
  const opened = openedPullRequest(number, `${key} ${title}`, head);
  await send("pull_request", opened);
  await send("pull_request_review", approvedReview(opened, "dev-lead", number * 10));
  await send("check_suite", successfulCheckSuite(head));
  const mergeSha = `${number}`.padStart(8, "0") + "b".repeat(32);
  await send("pull_request", mergedPullRequest(opened, mergeSha));
  return mergeSha;
}

/** CI reports a green main build with an artifact: Shiplane makes a release of what was merged. */
export async function greenMainBuild(
  request: APIRequestContext,
  project: string,
  token: string,
  commitSha: string,
  version: string,
  extraArtifacts: { name: string; version: string }[] = [],
) {
  const response = await request.post(`/api/v1/projects/${project}/builds`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      buildId: `main-${version}`,
      commitSha,
      branch: "main",
      status: "passed",
      artifacts: [{ name: "storefront-web", version }, ...extraArtifacts],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { release: { id: number; version: string; items: number[] } | null };
}

export async function ciToken(request: APIRequestContext, project: string) {
  return (
    await trpc<{ token: string }>(request, "settings.createToken", {
      project,
      name: "CI",
      scopes: ["builds:write", "deploy"],
    })
  ).token;
}

/** A story merged through GitHub and released by a green main build: the release's id. */
export async function releasedStory(
  page: Page,
  project: string,
  token: string,
  title: string,
  v: string,
  artifacts: { name: string; version: string }[] = [],
) {
  const item = await createItem(page.request, project, {
    title,
    kind: "story",
    owner: "ana",
    description: "Why and what",
  });
  const moved = await page.request.post(`/api/v1/items/${item.id}/move`, { data: { toStage: "code" } });
  expect(moved.ok(), await moved.text()).toBe(true);
  const sha = await mergeThroughGithub(page.request, project, item.key, title);
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/items/${item.id}`)).json()).stage)
    .toBe("build");
  const build = await greenMainBuild(page.request, project, token, sha, v, artifacts);
  expect(build.release?.items).toEqual([item.id]);
  return { item, releaseId: build.release!.id };
}
