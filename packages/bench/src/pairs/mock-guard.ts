import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { freePort, startPrism } from "@experience-users/mock";
import { childrenDir, runChild } from "../children.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatSpread, summarize } from "../stats.js";

const ROUNDS = 8;
const ROUND_MS = 2_000;
const KINDS = ["list", "get", "create"] as const;
const TARGET_MS = 1;

interface Side {
  requests: number;
  meanMs: number;
  medianMs: number;
}

/** The guard in its own process; `cpuMicros()` asks it for its CPU time so far. */
async function startGuard(prismPort: number) {
  const child = spawn(process.execPath, [`${childrenDir}guard-server.mjs`, String(prismPort)], {
    cwd: childrenDir,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`guard-server exited with ${code}`))),
  );
  exited.catch(() => undefined);
  const next = () =>
    Promise.race([new Promise<string>((resolve) => lines.once("line", resolve)), exited]);
  const port = Number(await next());
  return {
    port,
    cpuMicros: async () => {
      const answer = next();
      child.stdin.write("cpu\n");
      return Number(await answer);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Pair 4b: what the mock's guard adds per request. One Prism; a client sends the same request
 * alternately to Prism directly and through the guard in front of it, one at a time, so both
 * sides see the same machine at the same moment. The figure is the median over rounds of the
 * difference of median times per request, and the guard process's own CPU time per request.
 */
export async function mockGuardPair(): Promise<Section> {
  const prism = await startPrism({ port: await freePort(), logLevel: "warn", output: "capture" });
  const guard = await startGuard(prism.port);
  const rounds = Object.fromEntries(KINDS.map((k) => [k, [] as [Side, Side][]]));
  const guardCpu = Object.fromEntries(KINDS.map((k) => [k, [] as number[]]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of KINDS) {
        const before = await guard.cpuMicros();
        const sides = await runChild<[Side, Side]>("alternating-requests.mjs", [
          prism.port,
          guard.port,
          kind,
          ROUND_MS,
        ]);
        const spent = (await guard.cpuMicros()) - before;
        rounds[kind]?.push(sides);
        guardCpu[kind]?.push(spent / 1000 / sides[1].requests);
      }
    }
  } finally {
    await guard.stop();
    await prism.stop();
  }
  const rows: Row[] = KINDS.map((kind) => {
    const measured = rounds[kind] as [Side, Side][];
    const direct = summarize(measured.map(([d]) => d.medianMs));
    const guarded = summarize(measured.map(([, g]) => g.medianMs));
    const added = summarize(measured.map(([d, g]) => g.medianMs - d.medianMs));
    const cpu = summarize(guardCpu[kind] as number[]);
    const show = (s: ReturnType<typeof summarize>) =>
      `${formatNumber(s.median, 2)} ms/request ${formatSpread(s)}`;
    return {
      pair: `mock guard, ${kind}: guard + Prism vs Prism direct (one request at a time)`,
      ours: `${show(guarded)} (guard CPU ${formatNumber(cpu.median, 2)} ms/request)`,
      theirs: show(direct),
      ratio: `+${formatNumber(added.median, 2)} ms/request (${formatNumber(added.min, 2)} to ${formatNumber(added.max, 2)})`,
      target: `< ${TARGET_MS} ms added per request`,
      met: added.median < TARGET_MS,
    };
  });
  return {
    title: "4b. Mock guard: what the guard in front of Prism adds per request",
    rows,
    details: [
      `One Prism (static examples); the guard (node:http, its own process) in front of it. ${ROUNDS} rounds of ${ROUND_MS} ms per request kind, each in a fresh client process (300 ms warm-up) that sends the same request alternately to Prism and to the guard (the order of each pair alternating), one at a time on one kept-alive connection per side: the difference is the guard's own time and its extra loopback hop, without queueing, on the same machine at the same moment.`,
      "The added time is the median over rounds of (guarded - direct) median time per request, min to max in brackets. The guard's CPU per request is its process's CPU time over a round divided by the requests it answered: it decodes and validates each request with the generated validators, reads and forwards the body, and relays Prism's answer.",
    ],
  };
}
