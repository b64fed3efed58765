import { ZodError, type z } from "zod";
import { isDomainError } from "../../domain/errors";
import { errorStatus } from "./error-codes";
import { strict } from "../contracts/common";
import { unstorableText } from "../../domain/text";

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Response {
  return Response.json({ error: { code, message, ...details } }, { status });
}

class BadRequest extends Error {}

/** A body past its route's limit: refused with 413 while it is being read, never read whole. */
export class PayloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${formatBytes(limit)}, the most this route takes.`);
  }
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${n / 1024} KB`);

/** The limit JSON routes read up to. */
export const JSON_LIMIT = 1024 * 1024;

/** The limit of sign-in and account routes: a password and a name never need more. */
export const ACCOUNT_LIMIT = 64 * 1024;

/**
 * Reads a body as text, at most `limit` bytes: a declared length over it is refused before
 * reading, and a stream that passes it is stopped there. With `cut`, the text so far is kept
 * (and `cut` says so) instead of refusing.
 */
export async function readText(
  req: Request,
  limit: number,
  options: { cut?: boolean } = {},
): Promise<{ text: string; cut: boolean }> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (!options.cut && Number.isFinite(declared) && declared > limit) throw new PayloadTooLarge(limit);
  if (!req.body) return { text: "", cut: false };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.length > limit) {
      await reader.cancel().catch(() => undefined);
      if (!options.cut) throw new PayloadTooLarge(limit);
      chunks.push(value.subarray(0, limit - size));
      // Cut text may end inside a character: that one is replaced, the rest kept.
      return { text: new TextDecoder().decode(Buffer.concat(chunks)), cut: true };
    }
    size += value.length;
    chunks.push(value);
  }
  return { text: utf8(Buffer.concat(chunks)), cut: false };
}

/** Bytes as UTF-8 text; bytes that are not UTF-8 are the sender's mistake (400), never guessed at. */
function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequest("The request body is not valid UTF-8. Send UTF-8 text.");
  }
}

/** Reads a JSON body of at most `limit` bytes; an empty body counts as `{}`. */
export async function readJson(req: Request, limit = JSON_LIMIT): Promise<unknown> {
  const { text } = await readText(req, limit);
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadRequest(
      `The request body is not valid JSON (${(error as Error).message}). Send a JSON object with Content-Type: application/json.`,
    );
  }
  const bad = unstorableText(value);
  if (bad)
    throw new BadRequest(
      `The request body's ${bad} holds a NUL character or an unpaired surrogate, which Shiplane cannot store. Remove it and send again.`,
    );
  return value;
}

/** Reads a JSON object body; an array or a scalar is refused with a clear message. */
export async function readObject(req: Request, limit = JSON_LIMIT): Promise<Record<string, unknown>> {
  const value = await readJson(req, limit);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BadRequest('The request body must be a JSON object, e.g. {"title": "…"}.');
  }
  return value as Record<string, unknown>;
}

/** Parses an input; an object refuses fields it does not know. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  return strict(schema).parse(value);
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
    if (error instanceof PayloadTooLarge)
      return errorResponse(413, "REQUEST.TOO_LARGE", `${error.message} Send less, or split it.`, {
        limit: error.limit,
      });
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
