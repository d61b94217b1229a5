/**
 * `npm run bench`: measures every pair side by side in one run and writes the table of ratios to
 * packages/bench/results.md. It fails only on an error, never on a timing.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { buildCachePair } from "./pairs/build-cache.js";
import { bundleSizePair } from "./pairs/bundle-size.js";
import { clientCostPair } from "./pairs/client-cost.js";
import { clientOverheadPair } from "./pairs/client-overhead.js";
import { fakeMswPair } from "./pairs/fake-msw.js";
import { fakeScalePair } from "./pairs/fake-scale.js";
import { mockGuardPair } from "./pairs/mock-guard.js";
import { mockServersPair } from "./pairs/mock-servers.js";
import { validatorsPair } from "./pairs/validators.js";
import { markdownTable, type Section } from "./report.js";

const pairs: [string, () => Promise<Section>][] = [
  ["validators", validatorsPair],
  ["client", clientOverheadPair],
  ["client-cost", clientCostPair],
  ["bundle", bundleSizePair],
  ["mock servers", mockServersPair],
  ["mock-guard", mockGuardPair],
  ["fake scale", fakeScalePair],
  ["msw", fakeMswPair],
  ["build", buildCachePair],
];

const only = process.argv.slice(2);
const started = performance.now();
const sections: Section[] = [];
for (const [name, measure] of pairs) {
  if (only.length > 0 && !only.includes(name.split(" ")[0] ?? name)) continue;
  const t = performance.now();
  process.stdout.write(`measuring ${name}... `);
  sections.push(await measure());
  console.log(`${((performance.now() - t) / 1000).toFixed(0)} s`);
}

const minutes = ((performance.now() - started) / 60_000).toFixed(1);
const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
const rows = sections.flatMap((s) => s.rows);
const markdown = [
  "# Benchmark results",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; the whole run took ${minutes} min.`,
  "Ratios compare two things measured side by side in this one run (machines here are shared and noisy: read the ratios, not the absolute figures). Rerun with `npm run bench`.",
  "",
  markdownTable(rows),
  "",
  ...sections.flatMap((s) => [
    `## ${s.title}`,
    "",
    markdownTable(s.rows),
    "",
    ...s.details.map((d) => `- ${d}`),
    "",
  ]),
].join("\n");

const out = fileURLToPath(new URL("../results.md", import.meta.url));
if (only.length === 0) writeFileSync(out, markdown);
console.log(`\n${markdownTable(rows)}\n`);
if (only.length > 0)
  for (const s of sections) console.log(s.details.map((d) => `- ${d}`).join("\n"));
console.log(only.length === 0 ? `wrote ${out}` : "partial run: results.md left as it was");
