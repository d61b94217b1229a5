import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editedStrings, expectSameVerdicts, shippedVerdict } from "./support/format-verdicts.js";

// The shipped validators check `date-time` with their own reader (scripts/lib/date-time-format.ts),
// not ajv-formats'. Its verdict must be ajv-formats' on every string: checked here through a
// shipped validator, an Experience User whose `creationDate` is the string under test.
const ajvFormats = (fullFormats["date-time"] as { validate: (text: string) => boolean }).validate;
const shipped = shippedVerdict("creationDate");

const cases: { description: string; text: string; valid: boolean }[] = [
  { description: "a Losant timestamp", text: "2016-06-13T04:00:00.000Z", valid: true },
  { description: "no fraction", text: "2016-06-13T04:00:00Z", valid: true },
  { description: "a lower-case t and z", text: "2016-06-13t04:00:00z", valid: true },
  { description: "a space for the T", text: "2016-06-13 04:00:00Z", valid: true },
  { description: "a no-break space for the T", text: "2016-06-13\u00a004:00:00Z", valid: true },
  { description: "an offset with a colon", text: "2016-06-13T04:00:00-05:30", valid: true },
  { description: "an offset without a colon", text: "2016-06-13T04:00:00+0530", valid: true },
  { description: "an offset of hours only", text: "2016-06-13T04:00:00+05", valid: true },
  { description: "no time zone", text: "2016-06-13T04:00:00", valid: false },
  { description: "a date only", text: "2016-06-13", valid: false },
  { description: "an offset cut short", text: "2016-06-13T04:00:00+05:", valid: false },
  { description: "a dot without digits", text: "2016-06-13T04:00:00.Z", valid: false },
  { description: "two separators", text: "2016-06-13TT04:00:00Z", valid: false },
  { description: "a 29 February of a leap year", text: "2000-02-29T00:00:00Z", valid: true },
  { description: "a 29 February of a common year", text: "1900-02-29T00:00:00Z", valid: false },
  { description: "day 31 of a 30-day month", text: "2016-04-31T00:00:00Z", valid: false },
  { description: "month 13", text: "2016-13-01T00:00:00Z", valid: false },
  { description: "a leap second at 23:59 UTC", text: "2016-12-31T23:59:60Z", valid: true },
  { description: "a leap second by offset", text: "2017-01-01T00:59:60+01:00", valid: true },
  { description: "a leap second at noon", text: "2016-12-31T12:59:60Z", valid: false },
  {
    description: "seconds that round up to 60",
    text: "2016-06-13T04:00:59.99999999999999999Z",
    valid: false,
  },
  { description: "hour 24", text: "2016-06-13T24:00:00Z", valid: false },
  { description: "an offset of 24 hours", text: "2016-06-13T04:00:00+24:00", valid: false },
  { description: "full-width digits", text: "２016-06-13T04:00:00Z", valid: false },
  { description: "a trailing newline", text: "2016-06-13T04:00:00Z\n", valid: false },
];

/** The characters an edit of a seed puts in (see editedStrings). */
const ALPHABET = [..."0123456789-:.TtzZ+ x", "\u00a0", "\n", "\u2028", "\ufeff"];
const nearDateTime = editedStrings(
  cases.map((c) => c.text),
  ALPHABET,
);
const digits = (n: number) =>
  fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => `${v}`.padStart(n, "0"));
const anyFields = fc
  .tuple(
    fc.tuple(digits(4), digits(2), digits(2), fc.constantFrom("T", "t", " ")),
    fc.tuple(digits(2), digits(2), digits(2)),
    fc.constantFrom("", ".0", ".999", ".99999999999999999"),
    fc.oneof(
      fc.constantFrom("Z", "z", ""),
      fc
        .tuple(fc.constantFrom("+", "-"), digits(2), fc.constantFrom("", ":"), digits(2))
        .map((p) => p.join("")),
    ),
  )
  .map(
    ([[y, mo, d, sep], [h, mi, s], fraction, zone]) =>
      `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${fraction}${zone}`,
  );

describe("the shipped date-time check gives ajv-formats' verdicts", () => {
  it.each(cases)("$description", ({ text, valid }) => {
    expect(ajvFormats(text)).toBe(valid);
    expect(shipped(text)).toBe(valid);
  });

  it.each([
    { description: "strings near a date-time (edited seeds)", strings: nearDateTime },
    { description: "every field at any value", strings: anyFields },
    { description: "any string", strings: fc.string({ maxLength: 40 }) },
  ])("on $description", ({ strings }) => {
    const seen = expectSameVerdicts(strings, ajvFormats, shipped, 20_000);
    expect(seen.invalid).toBeGreaterThan(100);
  });
});
