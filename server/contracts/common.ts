import { isTrackedEnvelope, tracked, type TrackedEnvelope } from "@trpc/server";
import { z } from "zod";
import { isWebUrl, WEB_URL_MAX } from "../../domain/web-url";

// Pieces every contract uses. A contract is the zod shape of what a procedure or REST route takes
// and answers, shared by tRPC, REST and the OpenAPI document; there is one file per noun.

/** The largest id a row can have (PostgreSQL's serial is a 32-bit integer). */
export const MAX_ID = 2_147_483_647;
export const id = z.number().int().positive().max(MAX_ID, "no row has an id this large");
export const text = (max: number) => z.string().max(max, `at most ${max} characters`);
export const projectRef = z.object({ project: z.string().min(1, "name a project (its slug)").max(100) });
/** An address stored to be shown as a link: http: or https: only (never javascript: or data:). */
export const webUrl = z
  .string()
  .trim()
  .max(WEB_URL_MAX, `at most ${WEB_URL_MAX} characters`)
  .refine(isWebUrl, "an http:// or https:// address (or a path on this site), e.g. https://shop.example.com");
const strictened = new WeakMap<z.ZodType, z.ZodType>();

/**
 * An input that refuses fields it does not know (400 naming them) instead of dropping them, so a
 * misspelt or smuggled field never passes silently. Objects only; other schemas are unchanged.
 */
export function strict<S extends z.ZodType>(schema: S): S {
  if (!(schema instanceof z.ZodObject)) return schema;
  let made = strictened.get(schema);
  if (!made) strictened.set(schema, (made = schema.strict()));
  return made as unknown as S;
}
/** A change that answers nothing. */
export const done = z.void();
export const deploymentStatus = z.enum(["queued", "running", "succeeded", "failed", "cancelled", "rolled-back"]);
export const deploymentPurpose = z.enum(["deploy", "promote", "rollback"]);
export const deploymentPhase = z.enum(["deploy", "verify", "switch"]);
export const stepStatus = z.enum(["passed", "failed", "running"]);

type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/**
 * Checks at compile time that a schema describes exactly what a service returns, so that an
 * output contract can neither drop a field the service sends (zod would strip it) nor promise
 * one it does not: `exact<ReturnType>()(schema)`.
 */
export function exact<T>() {
  return <S extends z.ZodType>(
    schema: S & (Equal<z.output<S>, T> extends true ? unknown : { mismatch: [z.output<S>, T] }),
  ): S => schema;
}

/**
 * The output of a subscription: an async iterable whose tracked values (`tracked(id, value)`)
 * are each checked against `value` as they are yielded (tRPC's documented way to validate them).
 */
export function trackedStream<T extends z.ZodType>(value: T) {
  return z
    .custom<AsyncIterable<TrackedEnvelope<z.input<T>>>>(
      (candidate) =>
        Boolean(candidate) && typeof candidate === "object" && Symbol.asyncIterator in (candidate as object),
    )
    .transform(async function* (iterable): AsyncGenerator<TrackedEnvelope<z.output<T>>> {
      for await (const envelope of iterable) {
        if (!isTrackedEnvelope(envelope)) throw new Error("A subscription yielded a value without its event id.");
        const [eventId, data] = envelope;
        yield tracked(eventId, await value.parseAsync(data));
      }
    });
}
