import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editedStrings, expectSameVerdicts, shippedVerdict } from "./support/format-verdicts.js";

// The shipped validators check `uri` with a copy of ajv-formats' test (scripts/lib/uri-format.ts),
// so that they need not load all of ajv-formats' formats. Its verdict must be ajv-formats' on every
// string: checked here through a shipped validator, an Experience User whose `avatarUrl` is the
// string under test (all of them shorter than its 1,024-character limit).
const ajvFormats = fullFormats.uri as (text: string) => boolean;
const shipped = shippedVerdict("avatarUrl");

const cases: { description: string; text: string; valid: boolean }[] = [
  {
    description: "the spec's avatar URL",
    text: "https://example.avatar.url/is_here.png",
    valid: true,
  },
  { description: "upper-case scheme and host", text: "HTTPS://EXAMPLE.COM/A.PNG", valid: true },
  { description: "a query and a fragment", text: "https://a.io/p?size=64&x=%20#top", valid: true },
  { description: "user info and a port", text: "https://me:pw@a.io:8443/", valid: true },
  { description: "an IPv4 host", text: "http://192.168.0.1/a.png", valid: true },
  { description: "an IPv6 host", text: "http://[2001:db8::1]/a.png", valid: true },
  { description: "a URN", text: "urn:isbn:0451450523", valid: true },
  { description: "a mailto URI", text: "mailto:jane@example.com", valid: true },
  { description: "a data URI", text: "data:image/png;base64,iVBORw0KGgo=", valid: true },
  { description: "a scheme alone", text: "https:", valid: false },
  { description: "a scheme and a slash", text: "https:/", valid: true },
  { description: "no scheme", text: "//example.com/a.png", valid: false },
  { description: "a relative path", text: "/avatars/a.png", valid: false },
  { description: "a host without a scheme", text: "example.com/a.png", valid: false },
  { description: "a scheme that starts with a digit", text: "1http://a.io", valid: false },
  { description: "a space in the path", text: "https://a.io/a b.png", valid: false },
  { description: "a bad percent escape", text: "https://a.io/%zz", valid: false },
  { description: "a non-ASCII path", text: "https://a.io/café.png", valid: false },
  { description: "a trailing newline", text: "https://a.io/\n", valid: false },
  { description: "the empty string", text: "", valid: false },
];

/** The characters an edit of a seed puts in (see editedStrings). */
const ALPHABET = [..."aZ09:/?#[]@!$&'()*+,;=%-._~ \"<>\\^`{|}", "\u00e9", "\n", "\u2028"];
const nearUri = editedStrings(
  cases.map((c) => c.text),
  ALPHABET,
);

describe("the shipped uri check gives ajv-formats' verdicts", () => {
  it.each(cases)("$description", ({ text, valid }) => {
    expect(ajvFormats(text)).toBe(valid);
    expect(shipped(text)).toBe(valid);
  });

  it.each([
    {
      description: "strings near a URI (edited seeds)",
      strings: nearUri,
      valid: 500,
      invalid: 500,
    },
    {
      description: "web URLs",
      strings: fc.webUrl({ withQueryParameters: true, withFragments: true }),
      valid: 9_000,
      invalid: 0,
    },
    {
      description: "a scheme and printable ASCII",
      strings: fc.stringMatching(/^[A-Za-z][A-Za-z0-9+.-]{0,5}:[\x21-\x7e]{0,30}$/),
      valid: 1_000,
      invalid: 1_000,
    },
    { description: "any string", strings: fc.string({ maxLength: 40 }), valid: 0, invalid: 9_000 },
  ])("on $description", ({ strings, valid, invalid }) => {
    const seen = expectSameVerdicts(strings, ajvFormats, shipped, 10_000);
    expect(seen.valid).toBeGreaterThanOrEqual(valid);
    expect(seen.invalid).toBeGreaterThanOrEqual(invalid);
  });
});
