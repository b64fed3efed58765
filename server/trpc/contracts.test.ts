import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { testApp } from "../testing/fixtures";
import { ORIGIN, person } from "../testing/people";
import { createContext } from "./init";
import { appRouter } from "./root";

afterAll(closeTestDatabases);

type Definition = { _def: { type: string; inputs: unknown[]; output?: unknown } };

it("every tRPC procedure declares its input and its output contract", () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Definition>);
  expect(procedures.length).toBeGreaterThan(40);
  const missing = procedures
    .filter(([, procedure]) => procedure._def.inputs.length === 0 || !procedure._def.output)
    .map(([path]) => path);
  expect(missing).toEqual([]);
});

describeOnEveryDatabase("tRPC errors", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
  });

  async function call(path: string, input: unknown) {
    const { cookie } = await person(ctx.app, ctx.project.slug, "admin");
    const req = new Request(`${ORIGIN}/api/trpc/${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ json: input }),
    });
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: ({ req }) => createContext(req, async () => ctx.app),
    });
    return {
      status: response.status,
      body: (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } },
    };
  }

  it("keep each invalid field's messages in data.fieldErrors, for forms to show beside the field", async () => {
    const { status, body } = await call("item.create", {
      project: ctx.project.slug,
      title: "x".repeat(10_001),
      estimate: -1,
    });
    expect(status).toBe(400);
    expect(body.error.json.message).toMatch(/^Invalid input: /);
    expect(body.error.json.data.fieldErrors).toEqual({
      title: [expect.stringMatching(/10000/)],
      estimate: [expect.stringMatching(/>=0|0/)],
    });
    expect(body.error.json.data.stack ?? null).toBeNull();
  });

  it("name the field a domain refusal is about", async () => {
    const { body } = await call("release.configureEnvironment", {
      project: ctx.project.slug,
      environment: "test",
      settings: { deployer: { type: "command", command: "" } },
    });
    expect(body.error.json.data.domainCode).toBe("VALIDATION");
    expect(body.error.json.data.fieldErrors).toEqual({ "settings.deployer.command": [expect.any(String)] });
  });
});
