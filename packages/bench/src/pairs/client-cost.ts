import { hasValgrind, instructionsOf } from "../callgrind.js";
import { startServerChild } from "../children.js";
import { contenderRow } from "../contender-row.js";
import type { Section } from "../report.js";
import { formatNumber, formatRatio } from "../stats.js";

const FEW = 200;
const MANY = 1_000;
const contenders = ["raw-fetch", "openapi-fetch", "ours", "ours-global-fetch", "official"] as const;
type Contender = (typeof contenders)[number];

const instructions = (contender: Contender, port: number, calls: number) =>
  instructionsOf("fixed-calls.mjs", [contender, port, calls]);

/**
 * Pair 2b: instructions the client process executes per call (callgrind), which do not drift
 * with the machine's speed the way seconds do. Each contender runs twice, with FEW and MANY
 * calls; the difference over (MANY - FEW) calls leaves start-up out.
 */
export async function clientCostPair(): Promise<Section> {
  const title = "2b. Client cost per call: CPU instructions of the client process (callgrind)";
  if (!(await hasValgrind())) {
    return {
      title,
      rows: [],
      details: ["valgrind is not installed here: `apt-get install valgrind` to measure this pair."],
    };
  }
  const server = await startServerChild("canned-server.mjs");
  const perCall = {} as Record<Contender, number>;
  try {
    for (const contender of contenders) {
      const few = await instructions(contender, server.port, FEW);
      const many = await instructions(contender, server.port, MANY);
      perCall[contender] = (many - few) / (MANY - FEW);
    }
  } finally {
    await server.stop();
  }
  const show = (c: Contender) => `${formatNumber(perCall[c] / 1e6, 2)} M instructions/call`;
  const row = contenderRow<Contender>(show, (ours, theirs) => {
    const ratio = perCall[theirs] / perCall[ours];
    return { text: formatRatio(ratio), value: ratio };
  });
  return {
    title,
    rows: [
      row(
        "client cost: ours (the default on Node: the Node transport) vs official losant-rest",
        "ours",
        "official",
        ">= 1.30x (cheaper)",
        (ratio) => ratio >= 1.3,
      ),
      row(
        "client cost: ours (the default on Node) vs raw global fetch",
        "ours",
        "raw-fetch",
        "> 1.00x (cheaper than fetch)",
        (ratio) => ratio > 1,
      ),
      row(
        "client cost: ours given global fetch vs raw fetch",
        "ours-global-fetch",
        "raw-fetch",
        "reported",
        null,
      ),
      row(
        "client cost: openapi-fetch alone vs raw fetch (what ours builds on)",
        "openapi-fetch",
        "raw-fetch",
        "reported",
        null,
      ),
      row(
        "client cost: ours given global fetch vs openapi-fetch alone (the wrapper's own cost)",
        "ours-global-fetch",
        "openapi-fetch",
        "reported",
        null,
      ),
    ],
    details: [
      `Each contender makes ${FEW} and then ${MANY} calls (10 in flight) in a fresh process under \`valgrind --tool=callgrind\`; the per-call figure is the difference of the two instruction totals over ${MANY - FEW} calls. Two runs of the same contender agree within about 3% (JIT and GC timing differ). The ratio is the alternative's instructions per call over ours (above 1: ours is cheaper).`,
      "Ours runs with `timeout: 0` here, as raw fetch has no timeout; with a timeout, Node's fetch also pays for following the AbortSignal. Ours is the client as a Node user gets it (the package's `node` entry, no `fetch` option): the Node transport on undici's `Agent.dispatch`.",
      "Why the Node transport is built as it is, measured the same way (list users, calls 200 to 1000): the hand-written `node:http` transport it replaced cost 1.28 M instructions per call with that commit's client, and undici's dispatcher under the same client 1.16 M (10% less, so the hand-written one went); composing undici's `interceptors.redirect` added 0.15 M per call though no answer was a redirect, so redirects are followed by the transport itself; passing the five fixed headers through a WHATWG `Headers` on every call cost 0.2 M, so the transport's requests carry them as a list checked once.",
    ],
  };
}
