import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Section } from "../report.js";
import { formatRatio } from "../stats.js";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

function timeBuild(args: string[]): number {
  const start = performance.now();
  execFileSync("npx", ["turbo", "run", "build", ...args], {
    cwd: root,
    stdio: "pipe",
    timeout: 600_000,
  });
  return performance.now() - start;
}

/** Pair 6: `npm run build` from scratch vs served from turbo's cache. */
export async function buildCachePair(): Promise<Section> {
  const cold = timeBuild(["--force"]);
  const cached = [timeBuild([]), timeBuild([])];
  const warm = Math.min(...cached);
  const ratio = cold / warm;
  return {
    title: "6. Build: type-check + build every package, cold vs turbo's cache",
    rows: [
      {
        pair: "build: turbo cache hit vs cold build (`turbo run build --force`)",
        ours: `${(warm / 1000).toFixed(1)} s cached`,
        theirs: `${(cold / 1000).toFixed(1)} s cold`,
        ratio: formatRatio(ratio),
        target: "n/a (reported)",
        met: null,
      },
    ],
    details: [
      "Cold: every task re-run (`--force`); cached: the best of two runs right after, all tasks cache hits.",
    ],
  };
}
