import { afterAll, beforeEach, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { createToken } from "../services/tokens";
import { testApp } from "../testing/fixtures";
import {
  createItemHandler,
  getItemHandler,
  listItemsHandler,
  listProjectsHandler,
  moveItemHandler,
} from "./rest-items";
import { openApiDocument } from "./openapi";

afterAll(closeTestDatabases);

let auth: Record<string, string> = {};
const post = (body: unknown) =>
  new Request("http://shiplane.test/x", {
    method: "POST",
    headers: auth,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (url = "http://shiplane.test/x") => new Request(url, { headers: auth });

describeOnEveryDatabase("REST items", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let app: () => Promise<typeof ctx.app>;
  beforeEach(async () => {
    ctx = await testApp(await fresh());
    app = async () => ctx.app;
    const { token } = await createToken(ctx.app, LOCAL_OPERATOR, {
      project: "shiplane",
      scopes: "items:read,items:write",
      name: "script",
    });
    auth = { authorization: `Bearer ${token}` };
  });

  it("lists projects and creates an idea with 201 and a Location", async () => {
    const projects = await (await listProjectsHandler(get(), app)).json();
    expect(projects.projects.map((p: { slug: string }) => p.slug)).toEqual(["shiplane"]);
    const created = await createItemHandler(
      "shiplane",
      post({ title: "Gift wrap", kind: "idea", description: "At checkout", labels: ["checkout"] }),
      app,
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("Location")).toMatch(/^\/api\/v1\/items\/\d+$/);
    const item = await created.json();
    expect(item).toMatchObject({
      key: "SL-1",
      title: "Gift wrap",
      stage: "idea",
      version: 1,
      description: "At checkout",
      labels: ["checkout"],
    });
    const listed = await (await listItemsHandler("shiplane", get("http://x/?stage=idea"), app)).json();
    expect(listed.items).toHaveLength(1);
    const fetched = await (await getItemHandler(String(item.id), get(), app)).json();
    expect(fetched.id).toBe(item.id);
  });

  it("moves with 200, 409 on a stale version, 422 with reasons, 404 and 400", async () => {
    const item = await (await createItemHandler("shiplane", post({ title: "Search", kind: "story" }), app)).json();
    const refused = await moveItemHandler(String(item.id), post({ toStage: "code" }), app);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({
      code: "GATE.REFUSED",
      reasons: [expect.stringMatching(/needs an owner/)],
    });
    const stale = await moveItemHandler(
      String(item.id),
      post({ toStage: "idea", expectedVersion: 7, reason: "x" }),
      app,
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({
      code: "ITEM.STALE_VERSION",
      current: { id: item.id, version: 1 },
    });
    const back = await moveItemHandler(String(item.id), post({ toStage: "idea" }), app);
    expect(back.status).toBe(422);
    expect((await back.json()).error.code).toBe("MOVE.REASON_REQUIRED");
    const ok = await moveItemHandler(
      String(item.id),
      post({ toStage: "idea", expectedVersion: 1, reason: "Not ready" }),
      app,
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ stage: "idea", version: 2 });
    expect((await moveItemHandler("999", post({ toStage: "story" }), app)).status).toBe(404);
    expect((await moveItemHandler("abc", post({ toStage: "story" }), app)).status).toBe(400);
    const unknownStage = await moveItemHandler(String(item.id), post({ toStage: "done" }), app);
    expect(unknownStage.status).toBe(400);
    expect((await unknownStage.json()).error.code).toBe("STAGE.UNKNOWN");
  });

  it("refuses malformed and invalid bodies with 400 and changes nothing", async () => {
    const malformed = await createItemHandler("shiplane", post("{title:"), app);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatchObject({
      code: "REQUEST.MALFORMED",
      message: expect.stringMatching(/not valid JSON/),
    });
    expect((await createItemHandler("shiplane", post("[1,2]"), app)).status).toBe(400);
    const oversized = await createItemHandler("shiplane", post({ title: "x".repeat(501) }), app);
    expect(oversized.status).toBe(400);
    expect((await oversized.json()).error.message).toMatch(/at most 500 characters/);
    const wrongType = await createItemHandler("shiplane", post({ title: 42 }), app);
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error).toMatchObject({
      code: "VALIDATION",
      issues: [expect.objectContaining({ path: "title" })],
    });
    expect((await createItemHandler("nope", post({ title: "x" }), app)).status).toBe(404);
    const listed = await (await listItemsHandler("shiplane", get("http://x/"), app)).json();
    expect(listed.items).toEqual([]);
  });
});

it("documents the item's shape in OpenAPI (server/auth/authorization.test.ts checks every route is documented)", () => {
  const doc = openApiDocument();
  expect(doc.components.schemas.Item).toMatchObject({
    type: "object",
    properties: { key: { type: "string" }, createdAt: { type: "string", format: "date-time" } },
  });
});
