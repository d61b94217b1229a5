import { bundleBytes } from "@experience-users/test-support";
import { interleavedRounds, ratioOfRates, showRates } from "../rates.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatRatio } from "../stats.js";

const ROUNDS = 8;
const ROUND_MS = 600;
const contenders = [
  "msw-fake",
  "msw-static",
  "fake-direct",
  "msw-fake-get",
  "fake-direct-get",
] as const;
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

/**
 * Pair 6: the fake in a browser bundle, and its calls per second in process: through `fake.fetch`
 * and behind msw/node with the fake's handlers, for list and get.
 */
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
    title:
      "6. The fake in the browser and in process: bundle size, requests per second through fake.fetch and behind MSW",
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
        "in-process fake, list (10 users): MSW (msw/node) with the fake's handlers vs fake.fetch",
        "msw-fake",
        "fake-direct",
      ),
      row(
        "in-process fake, get: MSW (msw/node) with the fake's handlers vs fake.fetch",
        "msw-fake-get",
        "fake-direct-get",
      ),
    ],
    details: [
      "Bundles: esbuild, platform browser, minified, gzip -9. The fake's core is Hono, the spec's operations table and document, and the ajv-standalone validators; msw is left out of ours (a test page already ships it) and measured on its own.",
      `MSW rows: each contender in a fresh process (client-load.mjs) for ${ROUNDS} rounds of ${ROUND_MS} ms (500 ms warm-up), interleaved in alternating order, 10 calls in flight, each parsing its answer (the 10-user page, or one of those users for get). The static handler answers the fake's own page with HttpResponse.json. In process there is no socket: through fake.fetch a call is the fake's fetch handler on a Request; through MSW, global fetch intercepted by setupServer, which hands the Request to the same handler. Ratios are of calls per CPU-second, medians of per-round ratios; wall-clock calls per second in brackets.`,
    ],
  };
}
