import { schemaValidators } from "@experience-users/validators";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryFor, definitions } from "./support/schema-arbitrary.js";

const names = Object.keys(definitions).map((name) => ({ name }));

describe("arbitraries generated from the spec's schemas", () => {
  it.each(names)(
    "$name: most generated values are valid (the generator follows the schema)",
    ({ name }) => {
      const validator = schemaValidators[name as keyof typeof schemaValidators];
      const samples = fc.sample(arbitraryFor(name), { numRuns: 200, seed: 42 });
      const valid = samples.filter((v) => validator.is(v)).length;
      expect(valid / samples.length).toBeGreaterThan(0.8);
    },
  );
});
