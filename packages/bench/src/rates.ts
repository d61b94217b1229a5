import { runChild } from "./children.js";
import { formatNumber, formatRatio, formatSpread, summarize } from "./stats.js";

/** One round of a closed-loop child (client-load.mjs): calls per second of wall and of CPU time. */
export interface Rates {
  perSecond: number;
  perCpuSecond: number;
}

/**
 * Runs client-load.mjs once per contender and round, each in a fresh process, interleaved in
 * alternating order so that the machine's drift falls on every contender alike.
 */
export async function interleavedRounds<C extends string>(
  contenders: readonly C[],
  rounds: number,
  args: (contender: C) => (string | number)[],
): Promise<Record<C, Rates[]>> {
  const rates = Object.fromEntries(contenders.map((c) => [c, [] as Rates[]])) as Record<C, Rates[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      rates[contender].push(await runChild<Rates>("client-load.mjs", args(contender)));
    }
  }
  return rates;
}

/** `1,234 calls/CPU-s ±5% (1,000 calls/s)`: medians over the rounds. */
export function showRates(rates: readonly Rates[]): string {
  const cpu = summarize(rates.map((r) => r.perCpuSecond));
  const wall = summarize(rates.map((r) => r.perSecond));
  return `${formatNumber(cpu.median)} calls/CPU-s ${formatSpread(cpu)} (${formatNumber(wall.median)} calls/s)`;
}

/** The median of the per-round ratios of calls per CPU-second, and its text (`1.23x ±4%`). */
export function ratioOfRates(
  ours: readonly Rates[],
  theirs: readonly Rates[],
): { median: number; text: string } {
  const ratios = summarize(
    ours.map((r, i) => r.perCpuSecond / (theirs[i]?.perCpuSecond ?? Number.NaN)),
  );
  return { median: ratios.median, text: `${formatRatio(ratios.median)} ${formatSpread(ratios)}` };
}
