import { z } from "zod";
import { deployBody, deploymentStatusBody } from "./rest-deployments";

type Describe = (description: string) => unknown;

const path = (name: string, type: "string" | "integer" = "string", description?: string) => ({ name, in: "path", required: true, schema: { type }, ...(description ? { description } : {}) });
const reasonBody = { required: false, content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string", description: "Recorded; lets an admin through a freeze or a stopped line" } } } } } };

/** The release and deployment endpoints of the OpenAPI document (token scope `deploy`). */
export function deploymentPaths(error: Describe, schema: (type: z.ZodType, io: "input" | "output") => unknown) {
  const security = [{ bearer: ["deploy"] }];
  const auth = { "401": error("No valid token"), "403": error("The token lacks deploy or belongs to another project") };
  const deployment = { description: "The deployment: { id, release, environment, slot, purpose, status, phase, verifyStatus, switchStatus, error, log (last 200 lines), testRuns, failingTests, items, events }" };
  return {
    "/api/v1/projects/{project}/releases": {
      parameters: [path("project")],
      get: { summary: "Releases, newest first, each with its newest deployment per environment and its promotion gates", security, responses: { "200": { description: "{ releases, policy }" }, ...auth, "404": error("Unknown project") } },
    },
    "/api/v1/projects/{project}/environments": {
      parameters: [path("project")],
      get: { summary: "Environments with what they serve, their slots, schedule and settings (secrets hidden)", security, responses: { "200": { description: "{ environments }" }, ...auth } },
    },
    "/api/v1/releases/{id}/deploy": {
      parameters: [path("id", "integer")],
      post: {
        summary: "Queue a deployment of the release to an environment (its idle slot for blue-green)",
        security,
        requestBody: { required: true, content: { "application/json": { schema: schema(deployBody, "input") } } },
        responses: { "202": deployment, "400": error("Invalid input"), ...auth, "404": error("Unknown release or environment"), "409": error("Already queued or running there, or the environment has no deployer") },
      },
    },
    "/api/v1/releases/{id}/promote": {
      parameters: [path("id", "integer")],
      post: {
        summary: "Promote the release to live: deploy, verify, switch (blue-green), then its cards move to Live",
        security,
        requestBody: reasonBody,
        responses: { "202": deployment, ...auth, "404": error("Unknown release"), "422": error("A gate refuses; `reasons` and `checks` say which") },
      },
    },
    "/api/v1/projects/{project}/environments/{environment}/rollback": {
      parameters: [path("project"), path("environment")],
      post: { summary: "Roll back: switch a blue-green environment back, or redeploy the previous release in place", security, requestBody: reasonBody, responses: { "202": deployment, ...auth, "409": error("Nothing to roll back to") } },
    },
    "/api/v1/deployments/{id}": {
      parameters: [path("id", "integer")],
      get: { summary: "A deployment: state, log tail, regression results, events", security, responses: { "200": deployment, ...auth, "404": error("Unknown deployment") } },
    },
    "/api/v1/deployments/{id}/cancel": {
      parameters: [path("id", "integer")],
      post: { summary: "Cancel a queued or running deployment (its process group is stopped)", security, responses: { "202": deployment, ...auth, "409": error("Already finished") } },
    },
    "/api/v1/deployments/{id}/status": {
      parameters: [path("id", "integer")],
      post: {
        summary: "A webhook deployer's callback, with the deployment's own token (callback.token in the webhook body)",
        requestBody: { required: true, content: { "application/json": { schema: schema(deploymentStatusBody, "input") } } },
        responses: { "202": { description: "{ accepted, status }" }, "400": error("Invalid status"), "401": error("Not this deployment's token") },
      },
    },
  };
}
