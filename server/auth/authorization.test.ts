import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDelivery } from "../../db/repositories/deliveries";
import { enqueueDeployment } from "../../db/repositories/deployments";
import { listEnvironments } from "../../db/repositories/environments";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { atLeast, ROLE_FOR_SCOPE, ROLES, type Role } from "../../domain/access/roles";
import { SCOPES, type Scope } from "../../domain/access/scopes";
import { changeProject } from "../unit-of-work";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { releaseWithCards } from "../deploy/testing";
import { openApiDocument } from "../http/openapi";
import { apiRoutes } from "../http/api-routes";
import { createInvite, setMemberRole } from "../services/members";
import { createUser } from "../services/users";
import { createToken } from "../services/tokens";
import { testApp } from "../testing/fixtures";
import { callThrough } from "../testing/hostile";
import { callerAs, ORIGIN, person, signIn } from "../testing/people";
import { appRouter, createCaller } from "../trpc/root";
import type { SignedInUser } from "./session";

afterAll(closeTestDatabases);

type Procedure = { _def: { meta?: { role: Role; on: string }; type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

/** The route files under app/api, as OpenAPI paths, with the HTTP methods each exports (not tRPC's nor the sign-in library's). */
const routeTable = () => apiRoutes(".").filter((route) => !route.file.startsWith("trpc") && !route.catchAll);

type Operation = { security?: { bearer?: string[]; session?: string[] }[] };

it("every route file's every method is in the OpenAPI document and declares who may call it", () => {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
  const undeclared: string[] = [];
  for (const route of routeTable()) {
    for (const method of route.methods) {
      const operation = doc.paths[route.path]?.[method.toLowerCase()];
      if (!operation || !Array.isArray(operation.security)) undeclared.push(`${method} ${route.path}`);
    }
  }
  expect(undeclared).toEqual([]);
});

it("every tRPC procedure declares its role and what it acts on", () => {
  const undeclared = procedures.filter(([, p]) => !p._def.meta?.role || !p._def.meta.on).map(([name]) => name);
  expect(undeclared).toEqual([]);
});

describeOnEveryDatabase("authorisation matrix", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  const people = {} as Record<Role | "instance-admin", { user: SignedInUser; cookie: string }>;
  const ids = { item: 0, release: 0, deployment: 0, invite: "" };
  const tokens = {} as Record<Scope, string>;

  beforeAll(async () => {
    ctx = await testApp(await fresh());
    for (const role of [...ROLES, "instance-admin"] as const) people[role] = await person(ctx.app, "shiplane", role);
    const { releaseId, cards } = await releaseWithCards(ctx, "1.0.0", ["Search"]);
    ids.item = cards[0].id;
    ids.release = releaseId;
    const [test] = await listEnvironments(ctx.app.database, ctx.project.id);
    ids.deployment = await changeProject(ctx.app, ctx.project.id, (store) =>
      enqueueDeployment(store, {
        projectId: ctx.project.id,
        releaseId,
        environmentId: test.id,
        slot: null,
        purpose: "deploy",
        triggeredBy: "test",
        queuedAt: ctx.app.now(),
        status: "succeeded",
      }),
    );
    await insertDelivery(ctx.app.database, {
      projectId: ctx.project.id,
      source: "github",
      deliveryId: "d-1",
      event: "ping",
      action: null,
      body: "{}",
      status: "processed",
      receivedAt: ctx.app.now(),
    });
    ids.invite = (
      await createInvite(ctx.app, LOCAL_OPERATOR, { project: "shiplane", email: "new@people.test", role: "member" })
    ).token;
    for (const scope of SCOPES)
      tokens[scope] = (await createToken(ctx.app, LOCAL_OPERATOR, { project: "shiplane", scopes: scope })).token;
  }, 120_000);

  const inputFor = (on: string) =>
    ({
      project: { project: "shiplane" },
      item: { id: ids.item },
      release: { releaseId: ids.release },
      deployment: { id: ids.deployment },
      delivery: { deliveryId: "d-1" },
      instance: undefined,
    })[on];

  /** A refusal by role (401/403), "allowed" (an answer, or a refusal of the input), or a server error — always wrong. */
  async function outcome(call: () => Promise<unknown>): Promise<string> {
    try {
      await callThrough(call);
      return "allowed";
    } catch (error) {
      if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED"))
        return error.code;
      if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR")
        return `a server error (${(error as Error).message})`;
      return "allowed";
    }
  }

  it("tRPC: each role may call exactly the procedures its role allows, in its project", async () => {
    const wrong: string[] = [];
    // Lower roles first, so that what a procedure changes happens after the refusals are checked.
    for (const who of [...ROLES, "instance-admin"] as const) {
      const { user } = people[who];
      const caller = callerAs(ctx.app, user);
      for (const [name, procedure] of procedures) {
        const { role, on } = procedure._def.meta!;
        const [router, method] = name.split(".");
        const expected = who === "instance-admin" ? true : on === "instance" ? role === "viewer" : atLeast(who, role);
        const got = await outcome(() => caller[router][method](inputFor(on)));
        if ((got === "allowed") !== expected || got.startsWith("a server error"))
          wrong.push(`${who} ${name}: expected ${expected ? "allowed" : "403"}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("tRPC: nobody signed in gets 401, and a cookie-authenticated change from another site is refused", async () => {
    const anonymous = createCaller({
      app: ctx.app,
      user: null,
      actor: { id: "anonymous", role: "viewer" },
      sameOrigin: true,
    });
    await expect(anonymous.board.get({ project: "shiplane" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const { user } = people.admin;
    const crossSite = createCaller({
      app: ctx.app,
      user,
      actor: { id: `user:${user.email}`, role: "viewer" },
      sameOrigin: false,
    });
    await expect(crossSite.item.create({ project: "shiplane", title: "From elsewhere" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/another site/),
    });
    expect(await crossSite.board.get({ project: "shiplane" })).toBeTruthy();
  });

  describe("REST", () => {
    const params: Record<string, () => string> = {
      project: () => "shiplane",
      id: () => "", // by route, below
      environment: () => "test",
      metric: () => "funnel",
      token: () => ids.invite,
    };
    const idFor = (route: string) =>
      String(route.includes("/items/") ? ids.item : route.includes("/releases/") ? ids.release : ids.deployment);

    async function call(route: { file: string; path: string }, method: string, headers: Record<string, string>) {
      const mod = (await import(/* @vite-ignore */ path.resolve("app/api", route.file))) as Record<
        string,
        (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
      >;
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const values = Object.fromEntries(names.map((n) => [n, n === "id" ? idFor(route.path) : params[n]()]));
      const url = ORIGIN + route.path.replace(/\{(\w+)\}/g, (_, n: string) => values[n]);
      const req = new Request(url, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: method === "GET" ? undefined : "{}",
      });
      return (await mod[method](req, { params: Promise.resolve(values) })).status;
    }

    it("each scope and each role may call exactly the routes they allow; cookies need a same-site Origin for changes", async () => {
      (globalThis as { shiplaneApp?: Promise<unknown> }).shiplaneApp = Promise.resolve(ctx.app);
      const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
      const wrong: string[] = [];
      let checked = 0;
      for (const route of routeTable()) {
        for (const method of route.methods) {
          const security = doc.paths[route.path][method.toLowerCase()].security!;
          const scope = security.find((s) => s.bearer?.length)?.bearer?.[0] as Scope | undefined;
          const cookies = security.some((s) => s.session);
          const label = `${method} ${route.path}`;
          const expect = (what: string, status: number, allowed: boolean) => {
            const ok = status < 500 && (allowed ? status !== 401 && status !== 403 : status === 401 || status === 403);
            if (!ok) wrong.push(`${label} ${what}: got ${status}, expected ${allowed ? "allowed" : "401/403"}`);
          };
          if (security.length === 0) continue;
          checked += 1;
          expect("without credentials", await call(route, method, {}), false);
          if (!scope) continue;
          const other = SCOPES.find((s) => s !== scope && s !== "admin")!;
          expect(
            `with a ${other} token`,
            await call(route, method, { authorization: `Bearer ${tokens[other]}` }),
            false,
          );
          expect(
            `with a ${scope} token`,
            await call(route, method, { authorization: `Bearer ${tokens[scope]}` }),
            true,
          );
          expect("with an admin token", await call(route, method, { authorization: `Bearer ${tokens.admin}` }), true);
          for (const role of ROLES) {
            const status = await call(route, method, { cookie: people[role].cookie, origin: ORIGIN });
            expect(`as ${role}`, status, cookies && atLeast(role, ROLE_FOR_SCOPE[scope]));
          }
          if (cookies && method !== "GET")
            expect(
              "as admin from another site",
              await call(route, method, { cookie: people.admin.cookie, origin: "https://evil.example" }),
              false,
            );
        }
      }
      expect(checked).toBeGreaterThan(15);
      expect(wrong).toEqual([]);
    }, 120_000);
  });

  it("REST: without credentials an unknown id is 401 like a known one; another project's token or a non-member gets 404 like an unknown id", async () => {
    (globalThis as { shiplaneApp?: Promise<unknown> }).shiplaneApp = Promise.resolve(ctx.app);
    await ctx.caller.project.create({ name: "Elsewhere", slug: "elsewhere", keyPrefix: "EW" });
    const elsewhere = (await createToken(ctx.app, LOCAL_OPERATOR, { project: "elsewhere", scopes: "admin" })).token;
    await createUser(ctx.app, LOCAL_OPERATOR, { email: "stranger@people.test", password: "stranger-password" });
    await setMemberRole(ctx.app, LOCAL_OPERATOR, {
      project: "elsewhere",
      email: "stranger@people.test",
      role: "admin",
    });
    const stranger = await signIn(ctx.app, "stranger@people.test", "stranger-password");
    const get = async (url: string, headers: Record<string, string>) => {
      const file = url.startsWith("/api/v1/items/") ? "v1/items/[id]/route.ts" : "v1/deployments/[id]/route.ts";
      const route = (await import(/* @vite-ignore */ path.resolve("app/api", file))) as {
        GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      const id = url.split("/").pop()!;
      const answer = await route.GET(new Request(ORIGIN + url, { headers }), { params: Promise.resolve({ id }) });
      return { status: answer.status, body: (await answer.json()) as { error?: { message: string } } };
    };
    for (const base of ["/api/v1/items", "/api/v1/deployments"]) {
      const known = `${base}/${base.includes("items") ? ids.item : ids.deployment}`;
      const unknown = `${base}/999999`;
      expect((await get(known, {})).status).toBe(401);
      expect((await get(unknown, {})).status).toBe(401);
      const outsiders: Record<string, string>[] = [
        { authorization: `Bearer ${elsewhere}` },
        { cookie: stranger.cookie, origin: ORIGIN },
      ];
      for (const headers of outsiders) {
        const hidden = await get(known, headers);
        const missing = await get(unknown, headers);
        expect(hidden.status).toBe(404);
        expect(missing.status).toBe(404);
        expect(hidden.body.error!.message.replace(/\d+/, "N")).toBe(missing.body.error!.message.replace(/\d+/, "N"));
      }
    }
  });
});
