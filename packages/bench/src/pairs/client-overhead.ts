import { runChild, startServerChild } from "../children.js";
import type { Section } from "../report.js";
import { formatNumber, formatRatio, formatSpread, type Summary, summarize } from "../stats.js";

const ROUNDS = 3;
const ROUND_MS = 1_700;
const contenders = ["official", "raw-fetch", "ours", "ours-node-transport"] as const;
type Contender = (typeof contenders)[number];

/** Pair 2: the client's cost per call against raw fetch and Losant's official client. */
export async function clientOverheadPair(): Promise<Section> {
  const server = await startServerChild("canned-server.mjs");
  const rates: Record<Contender, number[]> = {
    official: [],
    "raw-fetch": [],
    ours: [],
    "ours-node-transport": [],
  };
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
  const s = Object.fromEntries(contenders.map((c) => [c, summarize(rates[c])])) as Record<
    Contender,
    Summary
  >;
  const rate = (c: Contender) => `${formatNumber(s[c].median)} calls/s ${formatSpread(s[c])}`;
  const best: Contender =
    s["ours-node-transport"].median >= s.ours.median ? "ours-node-transport" : "ours";
  const vsOfficial = s[best].median / s.official.median;
  const vsRaw = s.ours.median / s["raw-fetch"].median;
  const nodeVsRaw = s["ours-node-transport"].median / s["raw-fetch"].median;
  return {
    title: "2. Client call overhead: list users, 10 calls in flight, local node:http server",
    rows: [
      {
        pair: `client: ours (${best === "ours" ? "global fetch" : "createNodeFetch()"}) vs official losant-rest (axios)`,
        ours: rate(best),
        theirs: rate("official"),
        ratio: formatRatio(vsOfficial),
        target: ">= 1.00x",
        met: vsOfficial >= 1,
      },
      {
        pair: "client: ours vs raw fetch, both on Node's global fetch",
        ours: rate("ours"),
        theirs: rate("raw-fetch"),
        ratio: formatRatio(vsRaw),
        target: ">= 0.90x (within 10%)",
        met: vsRaw >= 0.9,
      },
      {
        pair: "client: ours with createNodeFetch() vs raw fetch",
        ours: rate("ours-node-transport"),
        theirs: rate("raw-fetch"),
        ratio: formatRatio(nodeVsRaw),
        target: ">= 0.90x",
        met: nodeVsRaw >= 0.9,
      },
    ],
    details: [
      `Each contender runs in a fresh process for ${ROUNDS} rounds of ${ROUND_MS} ms (500 ms warm-up each), rounds interleaved in alternating order; the server runs in its own process. Medians of the rounds; ± is half the min-max range.`,
      "Every call parses the 10-user JSON page; the official client is losant-rest from npm (axios on node:http).",
    ],
  };
}
