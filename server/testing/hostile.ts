import { createHash } from "node:crypto";
import type { Store } from "../../db/client";

/** Malformed inputs for the hostile-input suite: whole bodies, and each field made wrong in turn. */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export interface Variant {
  label: string;
  value: unknown;
}

const MEGABYTE = "a".repeat(1_048_577);

/** Bodies that no route takes: not an object, unknown fields, object keys as field names. */
export const WHOLE_BODIES: Variant[] = [
  { label: "null", value: null },
  { label: "an array", value: [1, 2] },
  { label: "a number", value: 42 },
  { label: "a string", value: "text" },
  { label: "an unknown field", value: { zzz: 1 } },
  { label: '"__proto__" as a field', value: JSON.parse('{"__proto__": {"polluted": true}}') },
  { label: '"constructor" as a field', value: { constructor: { prototype: { polluted: true } } } },
  { label: "a NUL in a field name", value: { "a\u0000b": 1 } },
];

/** Each wrong value for a field of this JSON schema type. */
function wrongValues(schema: JsonSchema): Variant[] {
  const types = [schema.type ?? []].flat();
  if (schema.enum) return [{ label: "not one of its values", value: "__proto__" }];
  if (types.includes("string"))
    return [
      { label: "a number", value: 12345 },
      { label: "an object", value: { toString: "x" } },
      { label: "1 MB long", value: MEGABYTE },
      { label: "with a NUL", value: "a\u0000b" },
      { label: "a lone surrogate", value: "a\ud800b" },
    ];
  if (types.includes("integer") || types.includes("number"))
    return [
      { label: "a string", value: "12" },
      { label: "huge", value: 1e308 },
      { label: "past the safe integers", value: 2 ** 63 },
      { label: "negative", value: -1 },
      { label: "fractional", value: 1.5 },
    ];
  if (types.includes("boolean"))
    return [
      { label: "a string", value: "yes" },
      { label: "a number", value: 1 },
    ];
  if (types.includes("array"))
    return [
      { label: "an object", value: { 0: "x" } },
      { label: "of 100,001 entries", value: Array.from({ length: 100_001 }, () => "x") },
    ];
  if (types.includes("object"))
    return [
      { label: "an array", value: [] },
      { label: "a string", value: "x" },
    ];
  return [{ label: "an object with __proto__", value: JSON.parse('{"__proto__": {"polluted": true}}') }];
}

/** The top-level fields of a JSON schema (following one $ref, and an anyOf/oneOf's object branches). */
function fieldsOf(schema: JsonSchema | undefined, resolve: (ref: string) => JsonSchema): Record<string, JsonSchema> {
  if (!schema) return {};
  if (schema.$ref) return fieldsOf(resolve(schema.$ref), resolve);
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return Object.assign({}, schema.properties ?? {}, ...branches.map((b) => fieldsOf(b, resolve)));
}

/** Each field of the schema set to each wrong value in turn, as `{ field: value }`. */
export function fieldVariants(schema: JsonSchema | undefined, resolve: (ref: string) => JsonSchema = () => ({})) {
  return Object.entries(fieldsOf(schema, resolve)).flatMap(([field, inner]) =>
    wrongValues(inner).map((wrong): Variant => ({ label: `${field} ${wrong.label}`, value: { [field]: wrong.value } })),
  );
}

/** Whole bodies, then each field wrong in turn (the other fields left out). */
export function variantsFor(schema: JsonSchema | undefined, resolve: (ref: string) => JsonSchema = () => ({})) {
  return [...WHOLE_BODIES, ...fieldVariants(schema, resolve)];
}

/** Path parameters that name nothing, or try to: object keys, numbers out of range, traversal, control characters. */
export const HOSTILE_PARAMS = [
  "constructor",
  "__proto__",
  "0",
  "-1",
  "1e3",
  "99999999999999999999",
  "../../etc/passwd",
  "a\u0000b",
  "a\ud800b",
  "x".repeat(5000),
];

/** Columns that reads may touch (last seen, last used): left out of the comparison. */
const TOUCHED = /^(last_?seen|last_?used|updated)/i;

/** A fingerprint of every row of every table, to show that refused requests changed nothing. */
export async function fingerprint(store: Store): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, table] of Object.entries(store.t)) {
    if (name === "sessions" || name === "signInAttempts" || name === "accessEvents") continue;
    const rows = (await store.db.select().from(table as never)) as Record<string, unknown>[];
    // Sorted: PostgreSQL returns rows in storage order, which an update of a touched column changes.
    const kept = rows
      .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !TOUCHED.test(column))))
      .sort();
    out[name] = `${rows.length}:${createHash("sha1").update(kept.join("\n")).digest("hex")}`;
  }
  return out;
}

/** Calls a tRPC procedure; a subscription's stream is opened and closed at once. */
export async function callThrough(call: () => Promise<unknown>): Promise<unknown> {
  const result = await call();
  if (result && typeof result === "object" && Symbol.asyncIterator in result)
    await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
  return result;
}
