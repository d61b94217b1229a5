import { bundleBytes } from "@experience-users/test-support";
import { interleavedRounds, ratioOfRates, showRates } from "../rates.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatRatio } from "../stats.js";

const ROUNDS = 8;
const ROUND_MS = 600;
const contenders = ["msw-fake", "msw-static", "fake-direct"] as const;
type Contender = (typeof contenders)[number];

const entries = {
  core: `import { createFakeServer } from "@experience-users/fake-server";
export const fake = createFakeServer();`,
  withHandlers: `import { createFakeServer } from "@experience-users/fake-server";
import { createHandlers } from "@experience-users/fake-server/msw";
export const handlers = createHandlers(createFakeServer());`,
  msw: `import { setupWorker } from "msw/browser";
export const worker = setupWorker();`,
};

/** Pair 6: the fake in a browser bundle, and its list calls per second behind msw/node. */
export async function fakeMswPair(): Promise<Section> {
  const core = await bundleBytes(entries.core);
  const withHandlers = await bundleBytes(entries.withHandlers, { external: ["msw"] });
  const msw = await bundleBytes(entries.msw);
  const kb = (n: number) => `${formatNumber(n / 1024, 1)} KiB`;
  const size = (s: { minified: number; gzipped: number }) =>
    `${kb(s.gzipped)} gz (${kb(s.minified)} min)`;

  // client-load.mjs with an in-process contender: port 0 is unused.
  const rates = await interleavedRounds(contenders, ROUNDS, (c) => [c, 0, ROUND_MS]);
  const row = (pair: string, ours: Contender, theirs: Contender): Row => ({
    pair,
    ours: showRates(rates[ours]),
    theirs: showRates(rates[theirs]),
    ratio: ratioOfRates(rates[ours], rates[theirs]).text,
    target: "reported",
    met: null,
  });
  return {
    title: "6. The fake in the browser and behind MSW: bundle size, list calls per second",
    rows: [
      {
        pair: "bundle: the fake for a browser (core + /msw handlers, msw external) vs msw/browser itself",
        ours: `${size(withHandlers)}; core alone ${size(core)}`,
        theirs: size(msw),
        ratio: formatRatio(withHandlers.gzipped / msw.gzipped),
        target: "reported",
        met: null,
      },
      row(
        "MSW (msw/node), list: stateful fake vs a static handler with the same JSON",
        "msw-fake",
        "msw-static",
      ),
      row(
        "MSW (msw/node), list: fake behind MSW vs the fake's fetch called directly",
        "msw-fake",
        "fake-direct",
      ),
    ],
    details: [
      "Bundles: esbuild, platform browser, minified, gzip -9. The fake's core is Hono, the spec's operations table and document, and the ajv-standalone validators; msw is left out of ours (a test page already ships it) and measured on its own.",
      `MSW rows: each contender in a fresh process (client-load.mjs) for ${ROUNDS} rounds of ${ROUND_MS} ms (500 ms warm-up), interleaved in alternating order, 10 calls in flight, each parsing the 10-user page. The static handler answers the fake's own page with HttpResponse.json. Ratios are of calls per CPU-second, medians of per-round ratios; wall-clock calls per second in brackets.`,
    ],
  };
}
