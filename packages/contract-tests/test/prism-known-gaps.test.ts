import { describe, expect, it } from "vitest";
import { useMock } from "./support/mock.js";
import { knownMockGaps } from "./support/prism-known-gaps.js";

const mock = useMock();

const gaps = Object.entries(knownMockGaps).map(([id, gap]) => ({ id, ...gap }));

describe("known gaps of the mock (each still there; the fake server covers them)", () => {
  it.each(gaps)("$id: $mock", async (gap) => {
    const observed = await gap.probe(mock.url);
    expect(
      observed,
      `The mock no longer shows the '${gap.id}' gap (${gap.spec}). Move its cases out of the ` +
        "known-gaps table (support/prism-known-gaps.ts) into the table of requests the mock and the " +
        "fake answer alike (support/prism-request-cases.ts), and update packages/mock/README.md.",
    ).toEqual(gap.whileTheGapLasts);
  });
});
