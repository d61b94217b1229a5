import { document, valueAt } from "@experience-users/spec";
import { isExperienceUser } from "@experience-users/validators";
import fc from "fast-check";
import { expect } from "vitest";

const exampleUser = valueAt(
  document,
  "components",
  "schemas",
  "ExperienceUser",
  "examples",
  "0",
) as object;

/**
 * The verdict of a shipped validator on one string: the spec's example Experience User with
 * `field` set to the string, so the field's format check decides.
 */
export function shippedVerdict(field: string): (text: string) => boolean {
  return (text) => isExperienceUser({ ...exampleUser, [field]: text });
}

/** Strings near the seeds: each with one to three characters swapped, added or taken out. */
export function editedStrings(
  seeds: readonly string[],
  alphabet: readonly string[],
): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(
        fc.tuple(fc.nat(), fc.constantFrom(...alphabet), fc.constantFrom("swap", "add", "drop")),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([seed, edits]) =>
      edits.reduce((text, [at, char, edit]) => {
        const i = at % (text.length + 1);
        if (edit === "add") return text.slice(0, i) + char + text.slice(i);
        return text.slice(0, i) + (edit === "swap" ? char : "") + text.slice(i + 1);
      }, seed),
    );
}

/**
 * Asserts that `shipped` gives `reference`'s verdict on `numRuns` generated strings (a fixed
 * seed), and returns how many of them the reference found valid and invalid.
 */
export function expectSameVerdicts(
  strings: fc.Arbitrary<string>,
  reference: (text: string) => boolean,
  shipped: (text: string) => boolean,
  numRuns: number,
): { valid: number; invalid: number } {
  const seen = { valid: 0, invalid: 0 };
  fc.assert(
    fc.property(strings, (text) => {
      const verdict = reference(text);
      seen[verdict ? "valid" : "invalid"]++;
      expect(shipped(text)).toBe(verdict);
    }),
    { numRuns, seed: 17 },
  );
  return seen;
}
