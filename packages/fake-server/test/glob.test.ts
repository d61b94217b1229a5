import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, type GlobStats, matchGlob } from "../src/list/glob.js";

interface Case {
  description: string;
  pattern: string;
  value: string;
  matches: boolean;
}

const cases: Case[] = [
  { description: "a literal matches itself", pattern: "bob", value: "bob", matches: true },
  {
    description: "a literal is anchored at both ends",
    pattern: "bob",
    value: "bobby",
    matches: false,
  },
  {
    description: "matching ignores case",
    pattern: "MY*User",
    value: "my-test-user",
    matches: true,
  },
  { description: "* matches an empty run", pattern: "a*b", value: "ab", matches: true },
  { description: "* matches a long run", pattern: "a*b", value: "a-----b", matches: true },
  { description: "* alone matches the empty string", pattern: "*", value: "", matches: true },
  {
    description: "* alone matches anything",
    pattern: "*",
    value: "anything at all",
    matches: true,
  },
  { description: "? matches exactly one character", pattern: "b?b", value: "bob", matches: true },
  { description: "? does not match zero characters", pattern: "b?b", value: "bb", matches: false },
  { description: "? does not match two characters", pattern: "b?b", value: "boob", matches: false },
  {
    description: "? matches one astral character (a surrogate pair)",
    pattern: "a?b",
    value: "a😀b",
    matches: true,
  },
  {
    description: "an empty pattern matches only the empty string",
    pattern: "",
    value: "x",
    matches: false,
  },
  {
    description: "the seeds' example my*user",
    pattern: "my*user",
    value: "myfavoriteuser",
    matches: true,
  },
  {
    description: "several stars backtrack to the last one",
    pattern: "*a*b*c",
    value: "xxaxxbxxbxxc",
    matches: true,
  },
  {
    description: "a trailing literal must end the value",
    pattern: "*.com",
    value: "bob@example.com.au",
    matches: false,
  },
  { description: ". is literal, not any character", pattern: "a.c", value: "abc", matches: false },
  { description: ". matches a dot", pattern: "a.c", value: "a.c", matches: true },
  { description: "+ is literal", pattern: "a+", value: "aaa", matches: false },
  {
    description: "+ in an email matches a plus",
    pattern: "bob+*@x.com",
    value: "bob+tag@x.com",
    matches: true,
  },
  { description: "parentheses and | are literal", pattern: "(a|b)", value: "a", matches: false },
  { description: "a bracket class is literal", pattern: "[ab]", value: "a", matches: false },
  { description: "brackets match themselves", pattern: "[ab]", value: "[ab]", matches: true },
  { description: "^ and $ are literal", pattern: "^a$", value: "^a$", matches: true },
  { description: "a backslash does not escape", pattern: "a\\*", value: "a\\zzz", matches: true },
  { description: "braces are literal", pattern: "{a,b}", value: "a", matches: false },
];

/** Glob matching by dynamic programming over code points (lone surrogates count as one). */
function referenceGlob(pattern: string, value: string): boolean {
  const p = [...pattern.toLowerCase()];
  let previous = [true, ...p.map(() => false)];
  for (let i = 0; i < p.length; i++) previous[i + 1] = (previous[i] ?? false) && p[i] === "*";
  for (const char of value.toLowerCase()) {
    const row = [false];
    for (let i = 0; i < p.length; i++) {
      const want = p[i];
      row[i + 1] =
        want === "*"
          ? (row[i] ?? false) || (previous[i + 1] ?? false)
          : (previous[i] ?? false) && (want === "?" || want === char);
    }
    previous = row;
  }
  return previous[p.length] ?? false;
}

describe("matchGlob", () => {
  it.each(cases)("$description", ({ pattern, value, matches }) => {
    expect(matchGlob(pattern, value)).toBe(matches);
  });

  it("answers the pathological *a*a*a*a*a*a*a*a*b against 100,000 a's in linear steps", () => {
    const stats: GlobStats = { steps: 0 };
    const value = "a".repeat(100_000);
    expect(matchGlob("*a*a*a*a*a*a*a*a*b", value, stats)).toBe(false);
    expect(stats.steps).toBeLessThanOrEqual(3 * value.length);
    expect(matchGlob("*a*a*a*a*a*a*a*a*a", value)).toBe(true);
  });

  it("bounds its steps by |pattern| x |value| whatever the input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "*", "?") }),
        fc.string({ unit: fc.constantFrom("a", "b") }),
        (pattern, value) => {
          const stats: GlobStats = { steps: 0 };
          matchGlob(pattern, value, stats);
          expect(stats.steps).toBeLessThanOrEqual((pattern.length + 1) * (value.length + 1));
        },
      ),
    );
  });

  it("agrees with a dynamic-programming reference matcher", () => {
    const unit = fc.constantFrom("a", "B", "b", ".", "*", "?", "😀");
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom("a", "b", "B", ".", "😀"), maxLength: 20 }),
        (pattern, value) => {
          expect(matchGlob(pattern, value)).toBe(referenceGlob(pattern, value));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("matches by segments as the reference does, astral and lone surrogates in the value", () => {
    const segmentCases = fc.string({
      unit: fc.constantFrom("a", "B", ".", "*", "?"),
      maxLength: 10,
    });
    const value = fc.string({
      unit: fc.constantFrom("a", "b", ".", "😀", "\ud83d", "\ude00"),
      maxLength: 16,
    });
    fc.assert(
      fc.property(segmentCases, value, (pattern, text) => {
        expect(matchGlob(pattern, text)).toBe(referenceGlob(pattern, text));
      }),
      { numRuns: 5000 },
    );
  });

  it("compiles a pattern once for many values, optionally already lowercased", () => {
    const matches = compileGlob("A*Z");
    expect(["abcz", "ABCZ", "abc"].map((v) => matches(v))).toEqual([true, true, false]);
    const lowered = compileGlob("A*Z", { lowerCaseValues: true });
    expect(lowered("abcz")).toBe(true);
  });
});
