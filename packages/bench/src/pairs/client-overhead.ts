import { runChild, startServerChild } from "../children.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatRatio, formatSpread, summarize } from "../stats.js";

const ROUNDS = 8;
const ROUND_MS = 800;
const contenders = [
  "official",
  "ours-node-transport",
  "raw-fetch",
  "ours-no-timeout",
  "raw-fetch-timeout",
  "ours",
] as const;
type Contender = (typeof contenders)[number];

/**
 * Pair 2: the client's cost per call against raw fetch and Losant's official client. This VM's
 * speed drifts by tens of percent within seconds, so rounds are short and interleaved, and each
 * ratio is the median of per-round ratios of neighbours measured back to back.
 */
export async function clientOverheadPair(): Promise<Section> {
  const server = await startServerChild("canned-server.mjs");
  const rates = Object.fromEntries(contenders.map((c) => [c, [] as number[]])) as Record<
    Contender,
    number[]
  >;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const contender of order) {
        const { perSecond } = await runChild<{ perSecond: number }>("client-load.mjs", [
          contender,
          server.port,
          ROUND_MS,
        ]);
        rates[contender].push(perSecond);
      }
    }
  } finally {
    await server.stop();
  }
  const rate = (c: Contender) => {
    const s = summarize(rates[c]);
    return `${formatNumber(s.median)} calls/s ${formatSpread(s)}`;
  };
  const row = (
    pair: string,
    ours: Contender,
    theirs: Contender,
    target: string,
    goal: number,
  ): Row => {
    const ratios = summarize(rates[ours].map((r, i) => r / (rates[theirs][i] ?? Number.NaN)));
    return {
      pair,
      ours: rate(ours),
      theirs: rate(theirs),
      ratio: `${formatRatio(ratios.median)} ${formatSpread(ratios)}`,
      target,
      met: ratios.median >= goal,
    };
  };
  return {
    title: "2. Client call overhead: list users, 10 calls in flight, local node:http server",
    rows: [
      row(
        "client: ours with createNodeFetch() vs official losant-rest (axios)",
        "ours-node-transport",
        "official",
        ">= 1.00x",
        1,
      ),
      row(
        "client: ours vs raw fetch, both with a 30 s timeout signal (the client's default)",
        "ours",
        "raw-fetch-timeout",
        ">= 0.90x (within 10%)",
        0.9,
      ),
      row(
        "client: ours with `timeout: 0` vs raw fetch, neither with a timeout",
        "ours-no-timeout",
        "raw-fetch",
        ">= 0.90x (within 10%)",
        0.9,
      ),
      {
        ...row(
          "client: ours on global fetch vs official losant-rest",
          "ours",
          "official",
          "reported",
          0,
        ),
        met: null,
      },
    ],
    details: [
      `Each contender runs in a fresh process for ${ROUNDS} rounds of ${ROUND_MS} ms (500 ms warm-up each), the contenders interleaved in alternating order, the server in its own process. Rates are medians over rounds; ratios are medians of the per-round ratios; ± is half the min-max range.`,
      "Every call parses the 10-user JSON page. The official client is losant-rest from npm (axios on node:http). Raw fetch is Node's global fetch with the same headers.",
      "Node 20's global fetch (undici) is slower than node:http for small answers: that is why `createNodeFetch()` exists, and why the official client beats any client on global fetch here.",
    ],
  };
}
