import {
  requestValidators,
  responseValidators,
  schemaValidators,
  type Validator,
} from "@experience-users/validators";
import { assertNoPoisoning, restoreGlobals } from "@fast-check/poisoning";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";

const all: { description: string; validator: Validator<unknown> }[] = [
  ...Object.entries(schemaValidators).map(([name, validator]) => ({
    description: `schema ${name}`,
    validator,
  })),
  ...Object.entries(requestValidators).map(([name, validator]) => ({
    description: `request ${name}`,
    validator,
  })),
  ...Object.entries(responseValidators).flatMap(([name, byStatus]) =>
    Object.entries(byStatus).map(([status, validator]) => ({
      description: `response ${name} ${status}`,
      validator: validator as Validator<unknown>,
    })),
  ),
];

// Vitest keeps its own bookkeeping on globalThis, and Node swaps in AbortController lazily:
// neither is something a validator did.
const ignoredRootRegex = /^(__vitest_worker__|__vitest_mocker__|AbortController)$/;

afterEach(() => {
  try {
    assertNoPoisoning({ ignoredRootRegex });
  } finally {
    restoreGlobals({ ignoredRootRegex });
  }
});

describe("validators on arbitrary input", () => {
  it.each(all)("$description never throws and agrees with itself", ({ validator }) => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
        (json, anything) => {
          for (const value of [json, anything]) {
            const issues = validator.validate(value);
            expect(validator.is(value)).toBe(issues.length === 0);
            for (const issue of issues) expect(typeof issue.instancePath).toBe("string");
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("objects with keys named after Object.prototype members change no prototype", () => {
    const dangerous = fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "toString",
      "valueOf",
      "hasOwnProperty",
    );
    fc.assert(
      fc.property(fc.dictionary(dangerous, fc.jsonValue({ maxDepth: 2 })), (dict) => {
        const parsed = JSON.parse(JSON.stringify(dict)) as unknown;
        for (const { validator } of all) validator.validate(parsed);
        for (const { validator } of all)
          validator.validate({ userTags: parsed, query: { userTags: parsed } });
      }),
      { numRuns: 100 },
    );
  });
});

describe("adversarial strings answer quickly", () => {
  const huge = (n: number, c = "a") => c.repeat(n);
  const cases = [
    {
      description: "a 100 KB email",
      value: { email: `${huge(100_000)}@example.com`, password: "aUserPassword" },
    },
    {
      description: "a 100 KB email with no @",
      value: { email: huge(100_000), password: "aUserPassword" },
    },
    {
      description: "a 100 KB email domain without dots",
      value: { email: `a@${huge(100_000)}`, password: "aUserPassword" },
    },
    {
      description: "a 100 KB email of dots and dashes",
      value: { email: `a@${huge(50_000, "a-")}.`, password: "aUserPassword" },
    },
    {
      description: "a 1 MB password",
      value: { email: "a@example.com", password: huge(1_000_000) },
    },
    {
      description: "100,000 unknown properties",
      value: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
    },
  ];

  it.each(cases)("$description is rejected", ({ value }) => {
    const issues = schemaValidators.ExperienceUserPost.validate(value);
    expect(issues.length).toBeGreaterThan(0);
  });
});
