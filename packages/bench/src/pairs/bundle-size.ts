import { bundleModules } from "@experience-users/test-support";
import { buildClientBundle, clientBundleOptions } from "../client-bundles.js";
import type { Section } from "../report.js";
import { formatNumber, formatRatio } from "../stats.js";

/** A bundle input's path without the folders every input shares. */
function moduleName(input: string): string {
  return input.replace(/^.*node_modules\//, "").replace(/^(\.\.\/)+(packages\/)?/, "");
}

/** Pair 3: bytes a browser app ships to list and create users. */
export async function bundleSizePair(): Promise<Section> {
  const ours = await buildClientBundle("ours");
  const direct = await buildClientBundle("openapiFetch");
  const official = await buildClientBundle("official");
  const stubbed = await buildClientBundle("officialHandStubbed");
  for (const { builtinsImported } of [ours, direct]) {
    if (builtinsImported.length > 0)
      throw new Error(`openapi-fetch or our client pulled in Node built-ins: ${builtinsImported}`);
  }
  const kb = (n: number) => `${formatNumber(n / 1024, 1)} KiB`;
  const sizes = (b: { gzipped: number; minified: number }) =>
    `${kb(b.gzipped)} gz (${kb(b.minified)} min)`;
  const { entry, options } = clientBundleOptions("ours");
  const modules = await bundleModules(entry, options);
  const openapiFetch = modules.find((m) => m.input.includes("node_modules/openapi-fetch/"));
  const fetchBytes = openapiFetch?.gzipped ?? 0;
  const ratio = official.gzipped / ours.gzipped;
  const budget = Math.floor(official.gzipped / 10);
  const floor = Math.floor(stubbed.gzipped / 10);
  return {
    title:
      "3. Bundle: what a browser app ships to list and create users (esbuild, minified, gzip -9)",
    rows: [
      {
        pair: "bundle: @experience-users/client vs losant-rest (its Node built-ins answered as bundlers document)",
        ours: sizes(ours),
        theirs: sizes(official),
        ratio: formatRatio(ratio),
        target: ">= 10x smaller",
        met: ratio >= 10,
      },
      {
        pair: "bundle: @experience-users/client vs losant-rest with hand-written stubs just big enough to load (its floor)",
        ours: sizes(ours),
        theirs: sizes(stubbed),
        ratio: formatRatio(stubbed.gzipped / ours.gzipped),
        target: "reported",
        met: null,
      },
    ],
    details: [
      `losant-rest imports Node built-ins (${official.builtinsImported.join(", ")}), which a browser build has to answer: its eventsource dependency calls \`util.inherits(EventSource, events.EventEmitter)\` as it loads, so empty modules make a bundle that throws on load (\`inherits is not a function\`; the bench weighed that one until 2026-12-07, 41.9 KiB gz). The first row gives \`util\` and \`events\` the npm packages webpack 5's \`resolve.fallback\` message names (\`util/\`, \`events/\`), leaves \`url\`, \`http\` and \`https\` empty (\`false\`; only its streaming calls use them) and defines the one \`process.env.NODE_DEBUG\` the \`util\` package reads as it loads. The second gives \`util\` only an \`inherits\` and \`events\` an empty \`EventEmitter\`: stubs no bundler writes, the least anything that loads can weigh. Our client and openapi-fetch import no built-in. \`packages/bench/test/client-bundles.test.ts\` loads each of these bundles in Chromium and creates and lists a user through it.`,
      `Ours module by module (minified bytes / gzip bytes it adds to the bundle): ${modules.map((m) => `${moduleName(m.input)} ${formatNumber(m.minified)} / ${formatNumber(m.gzipped)}`).join("; ")}. The whole is ${formatNumber(ours.gzipped)} gzip bytes (gzip shares text across modules, so the parts add up to less).`,
      `10x smaller would be at most ${formatNumber(budget)} gzip bytes against the first row's losant-rest and ${formatNumber(floor)} against its floor; openapi-fetch (required: the typed methods call it) adds ${formatNumber(fetchBytes)}, which leaves ${formatNumber(floor - fetchBytes)} of the floor's budget for the client's own code (${formatNumber(ours.gzipped - fetchBytes)} now). openapi-fetch called directly for the same two calls, with no client around it, is ${formatNumber(direct.gzipped)} gzip bytes. What each part is and why it stays: the root README, Performance.`,
    ],
  };
}
