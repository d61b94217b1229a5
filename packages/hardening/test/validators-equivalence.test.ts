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

// The shipped validators are ajv's standalone output post-processed by the generator (repeated
// functions merged, one function scope). ajv compiling json-schemas.json at run time, with the
// options it records, is the reference: on every value both must give the same verdict and the
// same issues.
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
