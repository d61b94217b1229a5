import { resolveRef } from "@experience-users/spec";
import fc from "fast-check";
import { jsonSchemas } from "./json-schemas.js";

type Schema = Record<string, unknown>;

const { defs } = jsonSchemas;

/** The spec's component schemas, as the validators were compiled from them. */
export const definitions = defs.$defs;

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  email: fc
    .tuple(
      fc.stringMatching(/^[a-z0-9]{1,12}$/),
      fc.stringMatching(/^[a-z]{1,10}$/),
      fc.constantFrom("com", "org", "io"),
    )
    .map(([local, domain, tld]) => `${local}@${domain}.${tld}`),
  "date-time": fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2040-01-01T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  // URLs with hosts of plain labels: a `uri`, and also a `url` to losant-rest 2.8.1's older schema
  // (fc.webUrl() makes hosts that ajv-formats' `url` refuses, such as `a--a.aa`).
  uri: fc
    .tuple(
      fc.constantFrom("http", "https", "ftp"),
      fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 3 }),
      fc.constantFrom("com", "org", "example"),
      fc.stringMatching(/^(?:\/[a-z0-9._-]{1,12}){0,3}$/),
    )
    .map(([scheme, labels, tld, path]) => `${scheme}://${labels.join(".")}.${tld}${path}`),
};

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (typeof schema.format === "string") {
    const format = FORMATS[schema.format];
    if (!format) throw new Error(`no arbitrary for format ${schema.format}`);
    return format;
  }
  if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxLength as number | undefined) ?? 40, minLength + 40);
  return fc.string({ minLength, maxLength, unit: "grapheme" });
}

function objectOf(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  if (schema.maxProperties === 1) {
    // Exactly one operator: pick the key first rather than filtering records (which rarely hit one key).
    return fc.oneof(
      ...Object.entries(properties).map(([key, child]) =>
        arbitraryOf(child, depth).map((value) => ({ [key]: value })),
      ),
    );
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const record = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([key, child]) => [key, arbitraryOf(child, depth)]),
    ),
    { requiredKeys: [...required] },
  );
  const patterns = Object.entries(
    (schema.patternProperties as Record<string, Schema> | undefined) ?? {},
  );
  const extra =
    patterns.length === 0
      ? fc.constant({})
      : fc.dictionary(
          fc.stringMatching(new RegExp(patterns[0]?.[0] ?? "")).filter((k) => k.length <= 40),
          arbitraryOf(patterns[0]?.[1] ?? {}, depth),
          { maxKeys: 4 },
        );
  const max = schema.maxProperties as number | undefined;
  const min = (schema.minProperties as number | undefined) ?? 0;
  return fc
    .tuple(record, extra)
    .map(([fixed, more]) => ({ ...more, ...fixed }))
    .filter(
      (o) => Object.keys(o).length >= min && (max === undefined || Object.keys(o).length <= max),
    );
}

/**
 * A fast-check arbitrary for a JSON Schema of the spec (the subset the spec uses: $ref, type,
 * enum, const, properties/required, patternProperties, string and number bounds, pattern, the
 * email/date-time/uri formats, arrays, oneOf). Recursive schemas stop at `depth`. What it yields
 * is meant to be valid; callers filter with the generated validator, which has the last word.
 */
export function arbitraryOf(schema: Schema, depth = 2): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === "string") {
    const ref = schema.$ref.startsWith(`${defs.$id}#`)
      ? schema.$ref.slice(defs.$id.length)
      : schema.$ref;
    const target = resolveRef(defs, { $ref: ref });
    const recursive = schema.$ref.endsWith("/AdvancedExperienceUserQuery");
    if (recursive && depth <= 0) return fc.constant({});
    return arbitraryOf(target, recursive ? depth - 1 : depth);
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.oneOf))
    return fc.oneof(...(schema.oneOf as Schema[]).map((s) => arbitraryOf(s, depth)));
  const type = schema.type;
  if (Array.isArray(type))
    return fc.oneof(...type.map((t) => arbitraryOf({ ...schema, type: t }, depth)));
  switch (type) {
    case "string":
      return stringOf(schema);
    case "integer":
      return fc.integer({
        min: (schema.minimum as number | undefined) ?? -1e6,
        max: (schema.maximum as number | undefined) ?? 1e6,
      });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(arbitraryOf((schema.items as Schema | undefined) ?? {}, depth), {
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 5, 5),
      });
    case "object":
      return objectOf(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** An arbitrary for a component schema by name. */
export function arbitraryFor(name: string, depth = 2): fc.Arbitrary<unknown> {
  return arbitraryOf({ $ref: `#/$defs/${name}` }, depth);
}
