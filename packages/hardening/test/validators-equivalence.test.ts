import {
  requestValidators,
  responseValidators,
  schemaValidators,
  type Validator,
} from "@experience-users/validators";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "./support/json-schemas.js";
import { mutated } from "./support/mutated.js";
import { arbitraryOf } from "./support/schema-arbitrary.js";

// The shipped validators are ajv's standalone output, compiled without the bookkeeping for
// unevaluated*/$dynamicRef and post-processed by the generator (repeated functions merged, length
// shortcuts, one function scope). ajv compiling json-schemas.json at run time, with the options it
// records and Ajv2020's defaults, is the reference: on every value both must give the same verdict
// and the same issues.
const { code: _code, ...options } = (
  jsonSchemas as unknown as { ajvOptions: { code: unknown } & Record<string, unknown> }
).ajvOptions;
const ajv = new Ajv2020(options);
addFormats.default(ajv);
ajv.addSchema(jsonSchemas.defs);

const all: { description: string; exportName: string; validator: Validator<unknown> }[] = [
  ...Object.entries(schemaValidators).map(([name, validator]) => ({
    description: `schema ${name}`,
    exportName: `schema_${name}`,
    validator: validator as Validator<unknown>,
  })),
  ...Object.entries(requestValidators).map(([name, validator]) => ({
    description: `request ${name}`,
    exportName: `request_${name}`,
    validator: validator as Validator<unknown>,
  })),
  ...Object.entries(responseValidators).flatMap(([name, byStatus]) =>
    Object.entries(byStatus).map(([status, validator]) => ({
      description: `response ${name} ${status}`,
      exportName: `response_${name}_${status}`,
      validator: validator as Validator<unknown>,
    })),
  ),
];

describe("the shipped validators agree with ajv compiling the same schemas at run time", () => {
  it.each(all)("$description: same verdict and same issues", ({ exportName, validator }) => {
    const schema = jsonSchemas.schemas[exportName];
    if (schema === undefined) throw new Error(`json-schemas.json has no ${exportName}`);
    const reference = ajv.compile(schema);
    const valid = arbitraryOf(schema, 2);
    const values = fc.oneof(
      valid,
      valid.chain(mutated),
      fc.jsonValue({ maxDepth: 4 }),
      fc.anything({ maxDepth: 2, withNullPrototype: true }),
    );
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(values, (value) => {
        const verdict = reference(value);
        seen[verdict ? "valid" : "invalid"]++;
        expect(validator.is(value)).toBe(verdict);
        expect(validator.validate(value)).toEqual(verdict ? [] : reference.errors);
      }),
      { numRuns: 200, seed: 17 },
    );
    expect(seen.valid).toBeGreaterThan(20);
    expect(seen.invalid).toBeGreaterThan(20);
  });
});

// The generator puts a `.length` test in front of ajv's code-point counts (minLength, maxLength);
// at and around each limit, strings of astral characters (two UTF-16 units, one code point) and
// lone surrogates (one unit, one code point) are where a wrong shortcut would show.
const ASTRAL = "\u{1F600}";
const LONE = "\ud800";
const lengthCases = [
  { field: "password", min: 8, max: 2048 },
  { field: "firstName", min: 0, max: 1024 },
].flatMap(({ field, min, max }) =>
  [min - 1, min, min + 1, 2 * min - 1, 2 * min, max - 1, max, max + 1]
    .filter((n) => n >= 0)
    .flatMap((n) =>
      [
        { kind: "ASCII", text: "a".repeat(n) },
        { kind: "astral", text: ASTRAL.repeat(n) },
        { kind: "half astral", text: ASTRAL.repeat(n >> 1) + "a".repeat(n & 1) },
        { kind: "lone surrogates", text: LONE.repeat(n) },
        { kind: "a lone surrogate", text: `${"a".repeat(Math.max(0, n - 1))}${LONE}` },
      ].map(({ kind, text }) => ({
        description: `${field} of ${n} ${kind} characters (${text.length} UTF-16 units)`,
        body: { email: "ada@example.com", password: "correct horse", [field]: text },
      })),
    ),
);

describe("the shipped length checks count code points as ajv does", () => {
  const reference = ajv.compile(jsonSchemas.schemas.schema_ExperienceUserPost as object);
  it.each(lengthCases)("$description", ({ body }) => {
    const verdict = reference(body);
    expect(schemaValidators.ExperienceUserPost.is(body)).toBe(verdict);
    expect(schemaValidators.ExperienceUserPost.validate(body)).toEqual(
      verdict ? [] : reference.errors,
    );
  });
});
