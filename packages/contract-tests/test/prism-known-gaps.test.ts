import { describe, expect, it } from "vitest";
import { usePrism } from "./support/prism.js";
import { knownMockGaps } from "./support/prism-known-gaps.js";

const prism = usePrism();

const gaps = Object.entries(knownMockGaps).map(([id, gap]) => ({ id, ...gap }));

describe("known gaps of the Prism mock (each still there; the fake server covers them)", () => {
  it.each(gaps)("$id: $prism", async (gap) => {
    const observed = await gap.probe(prism.url);
    expect(
      observed,
      `Prism no longer shows the '${gap.id}' gap (${gap.spec}). Move its cases out of the ` +
        "known-gaps table (support/prism-known-gaps.ts) into the ordinary Prism contract tests, " +
        "and update packages/mock/README.md.",
    ).toEqual(gap.whileTheGapLasts);
  });
});
