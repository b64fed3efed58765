import type { z } from "zod";
import { jobResultBody } from "./rest-workers";

type Describe = (description: string) => unknown;

const worker = [{ workerToken: [] }];
const id = { name: "id", in: "path", required: true, schema: { type: "integer" } };

/** The worker API (`shiplane worker` calls it with its worker token, slw_…). */
export function workerPaths(error: Describe, schema: (type: z.ZodType, io: "input" | "output") => unknown) {
  const refused = {
    "401": error("No worker token, or an unknown or revoked one"),
    "409": error("The worker does not hold this job (another worker's, another project's, or finished)"),
  };
  const cancel = { description: "{ cancel }: true when the job was cancelled; the worker stops the step" };
  return {
    "/api/v1/worker/claim": {
      post: {
        summary:
          "Take the oldest queued job this worker may run (its tags, its projects), waiting up to `wait` seconds (at most 25)",
        security: worker,
        parameters: [{ name: "wait", in: "query", required: false, schema: { type: "integer", maximum: 25 } }],
        responses: {
          "200": { description: "{ job: { id, phase, command, timeoutSeconds, env, mask } }" },
          "204": { description: "No job for this worker before the wait ended" },
          "401": error("No worker token, or an unknown or revoked one"),
        },
      },
    },
    "/api/v1/worker/jobs/{id}/start": {
      parameters: [id],
      post: { summary: "The step's process started", security: worker, responses: { "200": cancel, ...refused } },
    },
    "/api/v1/worker/jobs/{id}/heartbeat": {
      parameters: [id],
      post: {
        summary: "The worker is alive (every few seconds); a job silent for 60 s fails, or goes to another worker",
        security: worker,
        responses: { "200": cancel, ...refused },
      },
    },
    "/api/v1/worker/jobs/{id}/log": {
      parameters: [id],
      post: {
        summary: "Output as it comes (text/plain); a report over 1 MB is cut there, with a note",
        security: worker,
        requestBody: { required: true, content: { "text/plain": { schema: { type: "string" } } } },
        responses: { "200": cancel, ...refused },
      },
    },
    "/api/v1/worker/jobs/{id}/junit": {
      parameters: [id],
      post: {
        summary: "A verify step's JUnit XML (up to 50 MB), recorded as the deployment's regression run",
        security: worker,
        requestBody: { required: true, content: { "application/xml": { schema: { type: "string" } } } },
        responses: {
          "200": { description: "{ accepted: true }" },
          "400": error("Not a verify step"),
          "413": error("Over 50 MB"),
          ...refused,
        },
      },
    },
    "/api/v1/worker/jobs/{id}/result": {
      parameters: [id],
      post: {
        summary: "How the step ended: the job ends, and the deployment goes on from there",
        security: worker,
        requestBody: { required: true, content: { "application/json": { schema: schema(jobResultBody, "input") } } },
        responses: { "200": { description: "{ accepted: true }" }, "400": error("Invalid input"), ...refused },
      },
    },
  };
}
