import { describe, expect, it } from "vitest";
import { retryAfterDelay } from "../src/http/retry-after.js";

const NOW = Date.parse("2026-11-25T10:00:00Z");

describe("retryAfterDelay", () => {
  it.each([
    { description: "delta-seconds", header: "120", max: 600_000, expected: 120_000 },
    { description: "delta-seconds with spaces", header: " 5 ", max: 600_000, expected: 5_000 },
    { description: "zero", header: "0", max: 600_000, expected: 0 },
    {
      description: "an HTTP date",
      header: "Wed, 25 Nov 2026 10:00:10 GMT",
      max: 600_000,
      expected: 10_000,
    },
    {
      description: "an HTTP date in the past",
      header: "Wed, 25 Nov 2026 09:00:00 GMT",
      max: 600_000,
      expected: 0,
    },
    { description: "seconds over the bound", header: "3600", max: 60_000, expected: 60_000 },
    {
      description: "a date over the bound",
      header: "Thu, 26 Nov 2026 10:00:00 GMT",
      max: 60_000,
      expected: 60_000,
    },
    { description: "no header", header: null, max: 60_000, expected: undefined },
    { description: "an empty header", header: "", max: 60_000, expected: undefined },
    { description: "words", header: "soon", max: 60_000, expected: undefined },
    { description: "a negative number", header: "-1", max: 60_000, expected: undefined },
    { description: "a fraction", header: "1.5", max: 60_000, expected: undefined },
  ])("reads $description", ({ header, max, expected }) => {
    expect(retryAfterDelay(header, max, NOW)).toBe(expected);
  });
});
