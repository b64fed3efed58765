import path from "node:path";
import { createHmac } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { enqueueDeployment } from "../../db/repositories/deployments";
import { listEnvironments } from "../../db/repositories/environments";
import { changeProject } from "../unit-of-work";
import { releaseWithCards } from "../deploy/testing";
import { createProject } from "../services/create-project";
import { createToken } from "../services/tokens";
import { createInvite } from "../services/members";
import { testApp } from "../testing/fixtures";
import {
  callThrough,
  fieldVariants,
  fingerprint,
  HOSTILE_PARAMS,
  variantsFor,
  WHOLE_BODIES,
  type Variant,
} from "../testing/hostile";
import { callerAs, ORIGIN, person } from "../testing/people";
import { appRouter } from "../trpc/root";
import { testWorker } from "../testing/worker";
import { apiRoutes } from "./api-routes";
import { openApiDocument } from "./openapi";

afterAll(closeTestDatabases);

// Outside a request there is no "after the answer": work the GitHub route defers runs at once.
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (work: () => unknown) => void work(),
}));

type Schema = Record<string, unknown>;
type Operation = {
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  parameters?: { name: string; in: string }[];
};
type Procedure = {
  _def: { inputs: z.ZodType[]; meta?: { on: string }; type: "query" | "mutation" | "subscription" };
};
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const diff = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(b)
    .filter((table) => a[table] !== b[table])
    .join(", ");
/** A URL cannot carry a lone surrogate: it is sent as U+FFFD (the handler still gets it raw). */
const wellFormed = (value: string) => value.replace(/[\ud800-\udfff]/g, "\ufffd");
const SECRET = "hostile-secret";
/** Bytes that are not UTF-8, a body that is not JSON, and no body at all. */
const RAW_BODIES: { label: string; body: BodyInit | null }[] = [
  { label: "bytes that are not UTF-8", body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { label: "JSON cut short", body: '{"title": "a' },
  { label: "an empty body", body: null },
];

describeOnEveryDatabase("hostile input", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  const valid: Record<string, string> = {};
  const auth: Record<string, string> = {};
  let deliveries = 0;

  beforeAll(async () => {
    ctx = await testApp(await fresh());
    await createProject(ctx.app, LOCAL_OPERATOR, {
      name: "Hooks",
      slug: "hooks",
      keyPrefix: "HK",
      repo: "acme/hooks",
      webhookSecret: SECRET,
    });
    const { releaseId, cards } = await releaseWithCards(ctx, "1.0.0", ["Search"]);
    const invite = await createInvite(ctx.app, LOCAL_OPERATOR, {
      project: "shiplane",
      email: "new@people.test",
      role: "member",
    });
    Object.assign(valid, {
      project: "shiplane",
      item: String(cards[0].id),
      release: String(releaseId),
      deployment: String(
        await changeProject(ctx.app, ctx.project.id, async (store) =>
          enqueueDeployment(store, {
            projectId: ctx.project.id,
            releaseId,
            environmentId: (await listEnvironments(store, ctx.project.id))[0].id,
            slot: null,
            purpose: "deploy",
            triggeredBy: "test",
            queuedAt: ctx.app.now(),
            status: "running",
          }),
        ),
      ),
      environment: "test",
      metric: "funnel",
      token: invite.token,
    });
    auth.admin = `Bearer ${(await createToken(ctx.app, LOCAL_OPERATOR, { project: "shiplane", scopes: "admin" })).token}`;
    auth.worker = `Bearer ${(await testWorker(ctx.app)).token}`;
    (globalThis as { shiplaneApp?: Promise<unknown> }).shiplaneApp = Promise.resolve(ctx.app);
  }, 120_000);

  const routes = () => apiRoutes(".").filter((route) => !route.file.startsWith("trpc") && !route.catchAll);
  const idOf = (route: string) =>
    route.includes("/items/") ? valid.item : route.includes("/releases/") ? valid.release : valid.deployment;

  /** What a refusal must look like: a 4xx in JSON with a message. Returns what is wrong, or null. */
  async function judge(answer: Response, mustRefuse: boolean): Promise<string | null> {
    if (answer.status >= 500) return `${answer.status}: ${await answer.text()}`;
    if (answer.status < 400) return mustRefuse ? `accepted (${answer.status})` : null;
    const body = (await answer.json().catch(() => null)) as { error?: { message?: unknown } } | null;
    return typeof body?.error?.message === "string" && body.error.message ? null : `${answer.status} without a message`;
  }

  type Route = ReturnType<typeof routes>[number];
  type Attempt = {
    label: string;
    params: Record<string, string>;
    body: BodyInit | null;
    query?: Record<string, string>;
  };

  /** Sends one attempt to a route's handler as the route's usual caller would (token, worker, signed delivery). */
  async function send(route: Route, method: string, attempt: Attempt): Promise<Response> {
    const github = route.path.startsWith("/api/webhooks/github");
    const headers = new Headers({ origin: ORIGIN, "content-type": "application/json" });
    if (github) {
      const signed = typeof attempt.body === "string" ? attempt.body : "";
      headers.set("x-github-event", "pull_request");
      headers.set("x-github-delivery", `hostile-${++deliveries}`);
      headers.set("x-hub-signature-256", `sha256=${createHmac("sha256", SECRET).update(signed).digest("hex")}`);
    } else if (!route.path.startsWith("/api/account"))
      headers.set("authorization", route.path.startsWith("/api/v1/worker") ? auth.worker : auth.admin);
    const url = route.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(wellFormed(attempt.params[n])));
    const search = new URLSearchParams(Object.entries(attempt.query ?? {}).map(([k, v]) => [k, wellFormed(v)]));
    const request = new Request(`${ORIGIN}${url}${attempt.query ? `?${search}` : ""}`, {
      method,
      headers,
      body: method === "GET" ? undefined : attempt.body,
    });
    const handlers = (await import(/* @vite-ignore */ path.resolve("app/api", route.file))) as Record<string, Handler>;
    return handlers[method](request, { params: Promise.resolve(attempt.params) });
  }

  it("every REST route refuses malformed input with a 4xx in JSON that says why, and changes nothing", async () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (ref: string) => doc.components.schemas[ref.split("/").pop()!] ?? {};
    const wrong: string[] = [];
    let sent = 0;
    for (const route of routes()) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const github = route.path.startsWith("/api/webhooks/github");
      const params = Object.fromEntries(names.map((n) => [n, n === "id" ? idOf(route.path) : valid[n]]));
      if (github) params.project = "hooks";
      for (const method of route.methods) {
        const operation = doc.paths[route.path][method.toLowerCase()];
        const json = operation.requestBody?.content["application/json"]?.schema;
        const text = Object.keys(operation.requestBody?.content ?? {}).some((type) => type !== "application/json");
        // [attempt, must it be refused?] — a path parameter naming nothing, a body that is wrong.
        const attempts: [Attempt, boolean][] = [];
        for (const name of names)
          for (const value of [...HOSTILE_PARAMS, "%ZZ"])
            attempts.push([
              {
                label: `{${name}}=${JSON.stringify(value.slice(0, 20))}`,
                params: { ...params, [name]: value },
                body: "{}",
              },
              true,
            ]);
        // A query parameter made hostile is refused, or read as nothing special.
        for (const query of operation.parameters?.filter((p) => p.in === "query") ?? [])
          for (const value of HOSTILE_PARAMS)
            attempts.push([
              {
                label: `?${query.name}=${JSON.stringify(value.slice(0, 20))}`,
                params,
                body: "{}",
                query: { [query.name]: value },
              },
              false,
            ]);
        if (operation.requestBody) {
          // A webhook takes what the sender sends (GitHub adds fields): an object may be stored, never a 5xx.
          for (const variant of json ? variantsFor(json as never, resolve as never) : [])
            attempts.push([{ label: variant.label, params, body: JSON.stringify(variant.value) }, !github]);
          // No body is what a route with an optional body takes (a promotion without a reason).
          for (const raw of RAW_BODIES)
            if (raw.body || operation.requestBody.required !== false)
              attempts.push([{ ...raw, params }, Boolean(json || text)]);
        }
        const before = method === "GET" ? null : await fingerprint(ctx.app.database);
        for (const [attempt, mustRefuse] of attempts) {
          sent += 1;
          const problem = await send(route, method, attempt).then(
            (answer) => judge(answer, mustRefuse),
            (error: Error) => `threw ${error.message}`,
          );
          if (problem) wrong.push(`${method} ${route.path} ${attempt.label}: ${problem}`);
        }
        // What was refused changed nothing (a webhook stores what it accepted).
        const after = before && !github && (await fingerprint(ctx.app.database));
        if (before && after && JSON.stringify(before) !== JSON.stringify(after))
          wrong.push(`${method} ${route.path}: refused, yet changed stored rows (${diff(before, after)})`);
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  }, 600_000);

  /** Null when the call was refused as a client error with a message; else what went wrong. */
  async function refusal(call: () => Promise<unknown>): Promise<string | null> {
    try {
      await callThrough(call);
      return "accepted";
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR")
        return `a server error (${(error as Error).message.slice(0, 200)})`;
      return error.message ? null : `${error.code} without a message`;
    }
  }

  it("every tRPC procedure refuses malformed input with a client error that says why, and changes nothing", async () => {
    const { user } = await person(ctx.app, "shiplane", "instance-admin");
    const caller = callerAs(ctx.app, user);
    const subjects: Record<string, Record<string, unknown>> = {
      project: { project: "shiplane" },
      item: { id: Number(valid.item) },
      release: { releaseId: Number(valid.release) },
      deployment: { id: Number(valid.deployment) },
      delivery: { deliveryId: "none" },
      instance: {},
    };
    const wrong: string[] = [];
    let sent = 0;
    for (const [name, procedure] of Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>)) {
      const input = procedure._def.inputs[0];
      if (!input) continue;
      const [router, method] = name.split(".");
      const base = subjects[procedure._def.meta!.on] ?? {};
      const json = z.toJSONSchema(input, { io: "input", unrepresentable: "any" });
      const variants: Variant[] = [
        ...WHOLE_BODIES,
        ...fieldVariants(json as never).map((v) => ({ ...v, value: { ...base, ...(v.value as object) } })),
        ...("project" in base
          ? HOSTILE_PARAMS.map((p) => ({ label: `project ${p.slice(0, 20)}`, value: { project: p } }))
          : []),
      ];
      // Every variant is refused; a mutation's refusals, together, change nothing.
      const before = procedure._def.type === "mutation" ? await fingerprint(ctx.app.database) : null;
      for (const variant of variants) {
        sent += 1;
        const problem = await refusal(() => caller[router][method](variant.value));
        if (problem) wrong.push(`${name} ${variant.label}: ${problem}`);
      }
      const after = before && (await fingerprint(ctx.app.database));
      if (before && after && JSON.stringify(before) !== JSON.stringify(after))
        wrong.push(`${name}: refused, yet changed stored rows (${diff(before, after)})`);
    }
    expect(sent).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  }, 600_000);
});
