import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { runChild } from "../children.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatRatio, formatSpread, summarize } from "../stats.js";

const ROUNDS = 8;
const ROUND_MS = 600;
const contenders = ["msw-fake", "msw-static", "direct-fake"] as const;
type Contender = (typeof contenders)[number];
interface Rates {
  perSecond: number;
  perCpuSecond: number;
}

const entries = {
  core: `import { createFakeServer } from "@experience-users/fake-server";
export const fake = createFakeServer();`,
  withHandlers: `import { createFakeServer } from "@experience-users/fake-server";
import { createHandlers } from "@experience-users/fake-server/msw";
export const handlers = createHandlers(createFakeServer());`,
  msw: `import { setupWorker } from "msw/browser";
export const worker = setupWorker();`,
};

async function bundleSize(
  contents: string,
  external: string[],
): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    external,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Pair 6: the fake in a browser bundle, and its requests per second behind msw/node. */
export async function fakeMswPair(): Promise<Section> {
  const core = await bundleSize(entries.core, []);
  const withHandlers = await bundleSize(entries.withHandlers, ["msw"]);
  const msw = await bundleSize(entries.msw, []);
  const kb = (n: number) => `${formatNumber(n / 1024, 1)} KiB`;
  const size = (s: { minified: number; gzipped: number }) =>
    `${kb(s.gzipped)} gz (${kb(s.minified)} min)`;

  const rates = Object.fromEntries(contenders.map((c) => [c, [] as Rates[]])) as Record<
    Contender,
    Rates[]
  >;
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      rates[contender].push(await runChild<Rates>("fake-msw-load.mjs", [contender, ROUND_MS]));
    }
  }
  const show = (c: Contender) => {
    const cpu = summarize(rates[c].map((r) => r.perCpuSecond));
    const wall = summarize(rates[c].map((r) => r.perSecond));
    return `${formatNumber(cpu.median)} calls/CPU-s ${formatSpread(cpu)} (${formatNumber(wall.median)} calls/s)`;
  };
  const row = (pair: string, ours: Contender, theirs: Contender): Row => {
    const ratios = summarize(
      rates[ours].map((r, i) => r.perCpuSecond / (rates[theirs][i]?.perCpuSecond ?? Number.NaN)),
    );
    return {
      pair,
      ours: show(ours),
      theirs: show(theirs),
      ratio: `${formatRatio(ratios.median)} ${formatSpread(ratios)}`,
      target: "reported",
      met: null,
    };
  };
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
        "direct-fake",
      ),
    ],
    details: [
      "Bundles: esbuild, platform browser, minified, gzip -9. The fake's core is Hono, the spec's operations table and document, and the ajv-standalone validators; msw is left out of ours (a test page already ships it) and measured on its own.",
      `MSW rows: each contender in a fresh process for ${ROUNDS} rounds of ${ROUND_MS} ms (500 ms warm-up), interleaved in alternating order, 10 calls in flight; "list users" of 10 users parsed each call. The static handler answers the fake's own page with HttpResponse.json. Ratios are of calls per CPU-second, medians of per-round ratios; wall-clock calls per second in brackets.`,
    ],
  };
}
