import { z } from "zod";
import { scoped } from "./openapi-security";
import { deployBody, deploymentStatusBody, promoteBody } from "./rest-deployments";

type Describe = (description: string) => unknown;

const path = (name: string, type: "string" | "integer" = "string", description?: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type },
  ...(description ? { description } : {}),
});
const reasonBody = {
  required: false,
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          reason: { type: "string", description: "Recorded; lets an admin through a freeze or a stopped line" },
        },
      },
    },
  },
};

/** The release and deployment endpoints of the OpenAPI document (token scope `deploy`). */
export function deploymentPaths(error: Describe, schema: (type: z.ZodType, io: "input" | "output") => unknown) {
  const security = scoped("deploy");
  const auth = {
    "401": error("No valid token"),
    "403": error("The token lacks deploy"),
    "404": error("No such thing in a project the caller can see"),
  };
  const deployment = {
    description:
      "The deployment: { id, release, environment, slot, purpose, status, phase, verifyStatus, switchStatus, error, log (last 200 lines), testRuns, failingTests, items, events }",
  };
  return {
    "/api/v1/projects/{project}/releases": {
      parameters: [path("project")],
      get: {
        summary: "Releases, newest first, each with its newest deployment per environment and its promotion gates",
        security,
        responses: { "200": { description: "{ releases, policy }" }, ...auth, "404": error("Unknown project") },
      },
    },
    "/api/v1/projects/{project}/environments": {
      parameters: [path("project")],
      get: {
        summary: "Environments with what they serve, their slots, schedule and settings (secrets hidden)",
        security,
        responses: { "200": { description: "{ environments }" }, ...auth },
      },
    },
    "/api/v1/releases/{id}/deploy": {
      parameters: [path("id", "integer")],
      post: {
        summary:
          "Queue a deployment of the release to a test environment (its idle slot for blue-green); a live environment changes only through promotion (422 DEPLOY.LIVE_NEEDS_PROMOTION)",
        security,
        requestBody: { required: true, content: { "application/json": { schema: schema(deployBody, "input") } } },
        responses: {
          "202": deployment,
          "400": error("Invalid input"),
          ...auth,
          "404": error("Unknown release or environment"),
          "409": error("Already queued or running there, or the environment has no deployer"),
          "422": error("The environment is live: promote the release instead (DEPLOY.LIVE_NEEDS_PROMOTION)"),
        },
      },
    },
    "/api/v1/releases/{id}/promote": {
      parameters: [path("id", "integer")],
      post: {
        summary:
          "Promote the release to live: deploy, verify, switch (blue-green), then its cards move to Live. An admin may force it past every gate with `force: true` and a written `reason` (audited, shown as forced)",
        security,
        requestBody: { required: false, content: { "application/json": { schema: schema(promoteBody, "input") } } },
        responses: {
          "202": deployment,
          ...auth,
          "404": error("Unknown release"),
          "422": error("A gate refuses; `reasons` and `checks` say which"),
        },
      },
    },
    "/api/v1/projects/{project}/environments/{environment}/rollback": {
      parameters: [path("project"), path("environment")],
      post: {
        summary:
          "Roll back to the release the environment served before the current one, verified there: blue-green switches back when the idle slot holds exactly it, otherwise (and in place) it is deployed again",
        security,
        requestBody: reasonBody,
        responses: {
          "202": {
            description:
              "The deployment, and `rollback`: { environment, current, target: { releaseId, version, cards, liveUntil }, how: switch | redeploy, slot }",
          },
          ...auth,
          "409": error("No earlier release, verified there, to roll back to (ROLLBACK.UNAVAILABLE, with the reason)"),
        },
      },
    },
    "/api/v1/deployments/{id}": {
      parameters: [path("id", "integer")],
      get: {
        summary: "A deployment: state, log tail, regression results, events",
        security,
        responses: { "200": deployment, ...auth, "404": error("Unknown deployment") },
      },
    },
    "/api/v1/deployments/{id}/cancel": {
      parameters: [path("id", "integer")],
      post: {
        summary: "Cancel a queued or running deployment (its process group is stopped)",
        security,
        responses: { "202": deployment, ...auth, "409": error("Already finished") },
      },
    },
    "/api/v1/projects/{project}/metrics/{metric}": {
      parameters: [
        path("project"),
        {
          name: "metric",
          in: "path",
          required: true,
          schema: { type: "string", enum: ["funnel", "flow", "lead-time", "dora", "pipeline"] },
        },
        {
          name: "from",
          in: "query",
          required: false,
          schema: { type: "string" },
          description: "YYYY-MM-DD (a UTC day, inclusive) or an ISO time; default 30 days before `to`",
        },
        {
          name: "to",
          in: "query",
          required: false,
          schema: { type: "string" },
          description: "YYYY-MM-DD (inclusive) or an ISO time; default now",
        },
        {
          name: "windowHours",
          in: "query",
          required: false,
          schema: { type: "number" },
          description: "DORA: how long after a deployment a rollback or critical alert counts against it (default 24)",
        },
      ],
      get: {
        summary: "The metrics page's figures as JSON",
        security: scoped("items:read"),
        responses: {
          "200": { description: "The figures of the metric for the range" },
          "400": error("Unknown metric or bad range"),
          "401": error("No valid token"),
        },
      },
    },
    "/api/v1/projects/{project}/alerts": {
      parameters: [
        path("project"),
        { name: "status", in: "query", required: false, schema: { type: "string", enum: ["firing", "resolved"] } },
        { name: "environment", in: "query", required: false, schema: { type: "string" } },
      ],
      get: {
        summary: "Alerts received from Alertmanager, newest first",
        security: scoped("items:read"),
        responses: { "200": { description: "{ alerts }" }, "401": error("No valid token") },
      },
    },
    "/api/webhooks/alertmanager/{project}": {
      parameters: [path("project")],
      post: {
        summary:
          "Alertmanager webhook receiver (payload version 4); authorise with a token of scope alerts:write in http_config.authorization",
        security: [{ bearer: ["alerts:write"] }],
        responses: {
          "200": { description: "{ received, fired, resolved, unchanged }" },
          "400": error("Not an Alertmanager version 4 notification"),
          "401": error("No valid token"),
          "403": error("The token lacks alerts:write"),
        },
      },
    },
    "/api/v1/deployments/{id}/status": {
      parameters: [path("id", "integer")],
      post: {
        summary: "A webhook deployer's callback, with the deployment's own token (callback.token in the webhook body)",
        security: [{ callbackToken: [] }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: schema(deploymentStatusBody, "input") } },
        },
        responses: {
          "202": { description: "{ accepted, status }" },
          "400": error("Invalid status"),
          "401": error("Not this deployment's token"),
        },
      },
    },
  };
}
