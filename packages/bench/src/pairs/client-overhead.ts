import { startServerChild } from "../children.js";
import { contenderRow } from "../contender-row.js";
import { interleavedRounds, ratioOfRates, showRates } from "../rates.js";
import type { Section } from "../report.js";

const ROUNDS = 8;
const ROUND_MS = 600;
const contenders = [
  "official",
  "ours",
  "raw-fetch",
  "ours-no-timeout",
  "raw-fetch-timeout",
  "ours-global-fetch",
] as const;
type Contender = (typeof contenders)[number];

/**
 * Pair 2: the client's cost per call against raw fetch and Losant's official client. The ratio
 * is of calls per CPU-second of the client's process (its own cost; wall-clock throughput also
 * depends on the server and on this shared VM, whose speed drifts by tens of percent within
 * seconds). Rounds are short and interleaved; each ratio is the median of per-round ratios.
 */
export async function clientOverheadPair(): Promise<Section> {
  const server = await startServerChild("canned-server.mjs");
  const rates = await interleavedRounds(contenders, ROUNDS, (c) => [
    c,
    server.port,
    ROUND_MS,
  ]).finally(() => server.stop());
  const row = contenderRow<Contender>(
    (contender) => showRates(rates[contender]),
    (ours, theirs) => {
      const ratio = ratioOfRates(rates[ours], rates[theirs]);
      return { text: ratio.text, value: ratio.median };
    },
  );
  return {
    title: "2. Client call overhead: list users, 10 calls in flight, local node:http server",
    rows: [
      row(
        "client: ours (the default on Node: the Node transport) vs official losant-rest (axios)",
        "ours",
        "official",
        ">= 1.00x",
        (ratio) => ratio >= 1,
      ),
      row(
        "client: ours vs raw fetch, both with a 30 s timeout signal (the client's default)",
        "ours",
        "raw-fetch-timeout",
        ">= 0.90x (within 10%)",
        (ratio) => ratio >= 0.9,
      ),
      row(
        "client: ours with `timeout: 0` vs raw fetch, neither with a timeout",
        "ours-no-timeout",
        "raw-fetch",
        ">= 0.90x (within 10%)",
        (ratio) => ratio >= 0.9,
      ),
      row(
        "client: ours given global fetch vs official losant-rest",
        "ours-global-fetch",
        "official",
        "reported",
        null,
      ),
    ],
    details: [
      `Each contender runs in a fresh process for ${ROUNDS} rounds of ${ROUND_MS} ms (500 ms warm-up each), interleaved in alternating order, the server in its own process. Ratios are of calls per CPU-second of the client process (its own cost per call), medians of per-round ratios; ± is half the min-max range. Wall-clock calls per second are shown in brackets.`,
      "Every call parses the 10-user JSON page. The official client is losant-rest from npm (axios on node:http). Raw fetch is Node's global fetch with the same headers.",
      "Node 20's global fetch (undici's fetch) costs more per call than undici's dispatcher or node:http for small answers, and following an AbortSignal costs it more again: that is why the client's default on Node is the Node transport (undici's dispatcher, light requests and answers), and why the official client beats any client on global fetch here.",
    ],
  };
}
