import type { Row } from "./report.js";

/** A ratio of two contenders' figures, as shown and as a number (above 1: ours does better). */
export interface Ratio {
  text: string;
  value: number;
}

/**
 * The row maker of a pair of contenders: `show` gives a contender's figure, `compare` the ratio
 * of ours to theirs; `met` tests the ratio against the target, or is null for a reported row.
 */
export function contenderRow<C extends string>(
  show: (contender: C) => string,
  compare: (ours: C, theirs: C) => Ratio,
) {
  return (
    pair: string,
    ours: C,
    theirs: C,
    target: string,
    met: ((ratio: number) => boolean) | null,
  ): Row => {
    const ratio = compare(ours, theirs);
    return {
      pair,
      ours: show(ours),
      theirs: show(theirs),
      ratio: ratio.text,
      target,
      met: met === null ? null : met(ratio.value),
    };
  };
}
