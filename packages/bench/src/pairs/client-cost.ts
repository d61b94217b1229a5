import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { childrenDir, startServerChild } from "../children.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatRatio } from "../stats.js";

const run = promisify(execFile);
const FEW = 200;
const MANY = 1_000;
const contenders = [
  "raw-fetch",
  "openapi-fetch",
  "ours",
  "ours-node-transport",
  "official",
] as const;
type Contender = (typeof contenders)[number];

async function instructions(contender: Contender, port: number, calls: number): Promise<number> {
  const { stderr } = await run(
    "valgrind",
    [
      "--tool=callgrind",
      "--callgrind-out-file=/dev/null",
      process.execPath,
      `${childrenDir}fixed-calls.mjs`,
      contender,
      String(port),
      String(calls),
    ],
    { cwd: childrenDir, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const match = /Collected : (\d+)/.exec(stderr);
  if (!match) throw new Error(`callgrind printed no total for ${contender}`);
  return Number(match[1]);
}

async function hasValgrind(): Promise<boolean> {
  try {
    await run("valgrind", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

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
  const row = (
    pair: string,
    ours: Contender,
    theirs: Contender,
    target: string,
    goal: number | null,
  ): Row => {
    const ratio = perCall[theirs] / perCall[ours];
    return {
      pair,
      ours: show(ours),
      theirs: show(theirs),
      ratio: formatRatio(ratio),
      target,
      met: goal === null ? null : ratio >= goal,
    };
  };
  return {
    title,
    rows: [
      row(
        "client cost: ours with createNodeFetch() vs official losant-rest",
        "ours-node-transport",
        "official",
        ">= 1.00x (cheaper)",
        1,
      ),
      row(
        "client cost: ours on global fetch vs raw fetch",
        "ours",
        "raw-fetch",
        ">= 0.90x (within 10%)",
        0.9,
      ),
      row(
        "client cost: openapi-fetch alone vs raw fetch (what ours builds on)",
        "openapi-fetch",
        "raw-fetch",
        "reported",
        null,
      ),
      row(
        "client cost: ours vs openapi-fetch alone (the wrapper's own cost)",
        "ours",
        "openapi-fetch",
        "reported",
        null,
      ),
    ],
    details: [
      `Each contender makes ${FEW} and then ${MANY} calls (10 in flight) in a fresh process under \`valgrind --tool=callgrind\`; the per-call figure is the difference of the two instruction totals over ${MANY - FEW} calls. Two runs of the same contender agree within 1%. The ratio is the alternative's instructions per call over ours (above 1: ours is cheaper).`,
      "Ours runs with `timeout: 0` here, as raw fetch has no timeout; with a timeout, Node's fetch also pays for following the AbortSignal.",
    ],
  };
}
