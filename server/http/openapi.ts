import { z } from "zod";
import { buildReportBody } from "./rest-builds";
import { accountPaths } from "./openapi-account";
import { denied as deniedDoc, open, scoped, SECURITY_SCHEMES } from "./openapi-security";
import { deploymentPaths } from "./openapi-deployments";
import { workerPaths } from "./openapi-workers";
import { importPaths } from "./openapi-imports";
import { boardCardSchema, createItemInput, moveItemInput } from "../contracts/item";
import { projectSchema } from "../contracts/project";

/** JSON Schema of a zod schema, dates as ISO strings (how JSON carries them). */
function schema(type: z.ZodType, io: "input" | "output" = "output") {
  return z.toJSONSchema(type, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      if ((ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
    },
  });
}

const itemSchema = boardCardSchema.extend({
  description: z.string(),
  stageEnteredAt: z.date(),
  rejectedReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Stable machine-readable code, e.g. ITEM.STALE_VERSION, GATE.REFUSED." },
        message: { type: "string", description: "What failed, why, and what to do." },
        reasons: { type: "array", items: { type: "string" }, description: "The gate's unmet rules (422)." },
        current: { description: "The card as it is now (409 on a stale version)." },
      },
    },
  },
};

const denied = deniedDoc;

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const json = (ref: string, description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});

export function openApiDocument() {
  const createBody = schema(createItemInput.omit({ project: true }), "input");
  const moveBody = schema(moveItemInput.omit({ id: true, afterId: true, beforeId: true, force: true }), "input");
  return {
    openapi: "3.1.0",
    info: {
      title: "Shiplane REST API",
      version: "1",
      description:
        "Cards, projects, builds, test results, releases and deployments of Shiplane, for scripts, CI servers and deploy tools. Errors are JSON { error: { code, message } }.",
    },
    paths: {
      "/api/v1/projects": {
        get: {
          summary: "List the projects the caller may read",
          security: scoped("items:read"),
          responses: {
            ...denied,
            "200": {
              description: "The projects",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { projects: { type: "array", items: { $ref: "#/components/schemas/Project" } } },
                  },
                },
              },
            },
          },
        },
      },
      "/api/v1/projects/{project}/items": {
        parameters: [
          {
            name: "project",
            in: "path",
            required: true,
            schema: { type: "string" },
            description: "The project's slug",
          },
        ],
        get: {
          summary: "List the cards on the board",
          security: scoped("items:read"),
          parameters: [{ name: "stage", in: "query", required: false, schema: { type: "string" } }],
          responses: {
            ...denied,
            "200": {
              description: "The cards",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { items: { type: "array", items: { $ref: "#/components/schemas/Item" } } },
                  },
                },
              },
            },
            "404": error("Unknown project"),
          },
        },
        post: {
          summary: "Create an idea or a story",
          security: scoped("items:write"),
          requestBody: { required: true, content: { "application/json": { schema: createBody } } },
          responses: {
            ...denied,
            "201": json("Item", "The new card"),
            "400": error("Invalid input"),
            "404": error("Unknown project"),
          },
        },
      },
      "/api/v1/items/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        get: {
          summary: "Get a card",
          security: scoped("items:read"),
          responses: { ...denied, "200": json("Item", "The card"), "404": error("Unknown card") },
        },
      },
      "/api/v1/items/{id}/move": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        post: {
          summary: "Move a card to another stage, through that stage's gates",
          security: scoped("items:write"),
          requestBody: { required: true, content: { "application/json": { schema: moveBody } } },
          responses: {
            ...denied,
            "200": json("Item", "The moved card"),
            "400": error("Invalid input or unknown stage"),
            "404": error("Unknown card"),
            "409": error("Stale expectedVersion (the body carries the current card) or archived card"),
            "422": error("A gate refused the move; `reasons` lists what is missing"),
          },
        },
      },
      "/api/v1/projects/{project}/builds": {
        parameters: [{ name: "project", in: "path", required: true, schema: { type: "string" } }],
        post: {
          summary: "Report a CI build (again, as it progresses); a green main build with artifacts makes a release",
          security: scoped("builds:write"),
          requestBody: {
            required: true,
            content: { "application/json": { schema: schema(buildReportBody, "input") } },
          },
          responses: {
            "201": { description: "The first report of this build: { build, items, release }" },
            "200": { description: "A later report of the same buildId" },
            "400": error("Invalid report, or a release version that exists"),
            "401": error("No token, or an unknown, revoked or expired one"),
            "403": error("The token lacks builds:write"),
            "404": error("No project of that name that the token can see"),
          },
        },
      },
      "/api/v1/projects/{project}/test-runs": {
        parameters: [
          { name: "project", in: "path", required: true, schema: { type: "string" } },
          { name: "suite", in: "query", required: true, schema: { type: "string" } },
          {
            name: "build",
            in: "query",
            required: false,
            schema: { type: "string" },
            description: "A reported build's id",
          },
          { name: "commit", in: "query", required: false, schema: { type: "string" } },
          { name: "deployment", in: "query", required: false, schema: { type: "integer" } },
        ],
        post: {
          summary: "Send a JUnit XML report (up to 50 MB) for exactly one of build, commit or deployment",
          security: scoped("tests:write"),
          requestBody: { required: true, content: { "application/xml": { schema: { type: "string" } } } },
          responses: {
            "201": { description: "{ id, suite, passed, failed, skipped, flaky, durationMs, commitSha }" },
            "400": error("Malformed or non-JUnit XML (says where), or a missing target"),
            "401": error("No valid token"),
            "403": error("The token lacks tests:write"),
            "413": error("Over 50 MB"),
          },
        },
      },
      "/api/webhooks/github/{project}": {
        parameters: [{ name: "project", in: "path", required: true, schema: { type: "string" } }],
        post: {
          summary: "GitHub webhook (content type application/json, signed with the project's secret)",
          security: [{ githubSignature: [] }],
          responses: {
            "202": { description: "Stored; processed right after the answer" },
            "200": { description: "A redelivery of a stored delivery: nothing changes" },
            "400": error("Not JSON, or GitHub's headers missing"),
            "401": error("Missing or wrong X-Hub-Signature-256"),
            "404": error("Unknown project"),
          },
        },
      },
      ...deploymentPaths(error, schema),
      ...accountPaths(error),
      ...workerPaths(error, schema),
      ...importPaths(error),
      "/api/v1/openapi.json": {
        get: { summary: "This document", security: open, responses: { "200": { description: "OpenAPI 3.1" } } },
      },
      "/api/health": {
        get: {
          summary: "Health",
          security: open,
          responses: {
            "200": { description: '{ status: "ok", db: "sqlite" | "postgres" }' },
            "503": error("Database unavailable"),
          },
        },
      },
    },
    components: {
      schemas: { Project: schema(projectSchema), Item: schema(itemSchema), Error: errorSchema },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
