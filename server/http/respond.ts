import { ZodError, type z } from "zod";
import { isDomainError } from "../../domain/errors";
import { errorStatus } from "./error-codes";

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Response {
  return Response.json({ error: { code, message, ...details } }, { status });
}

class BadRequest extends Error {}

/** Reads a JSON body; an empty body counts as `{}`. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequest(
      `The request body is not valid JSON (${(error as Error).message}). Send a JSON object with Content-Type: application/json.`,
    );
  }
}

/** Reads a JSON object body; an array or a scalar is refused with a clear message. */
export async function readObject(req: Request): Promise<Record<string, unknown>> {
  const value = await readJson(req);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BadRequest('The request body must be a JSON object, e.g. {"title": "…"}.');
  }
  return value as Record<string, unknown>;
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  return schema.parse(value);
}

/**
 * Runs a REST handler and turns every failure into a JSON error that says what to do:
 * domain errors by their code's status, bad input as 400, anything else as a 500 without internals.
 */
export async function respond(work: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const response = await handle(work);
  // How long Shiplane itself took, for the browser's network panel and for load tests.
  response.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(2)}`);
  return response;
}

async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) return errorResponse(errorStatus(error.code), error.code, error.message, error.details);
    if (error instanceof BadRequest) return errorResponse(400, "REQUEST.MALFORMED", error.message);
    if (error instanceof ZodError) {
      const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
      const summary = issues.map((i) => `${i.path || "body"}: ${i.message}`).join("; ");
      return errorResponse(400, "VALIDATION", `Invalid request: ${summary}.`, { issues });
    }
    console.error("Unexpected error in REST handler:", error);
    return errorResponse(
      500,
      "INTERNAL",
      "Shiplane could not complete this request. It has been logged; try again, and report it if it persists.",
    );
  }
}
