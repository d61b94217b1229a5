import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { freePort, startPrism } from "@experience-users/mock";
import { childrenDir, runChild } from "../children.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatSpread, summarize } from "../stats.js";

const ROUNDS = 8;
const ROUND_MS = 1_000;
const KINDS = ["list", "get", "create"] as const;
const TARGET_MS = 1;

interface Round {
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
 * Pair 4b: what the mock's guard adds per request. The same requests go to one Prism directly and
 * through the guard in front of it, one at a time on a kept-alive connection, in interleaved
 * rounds of alternating order; the figure is the median over rounds of (guarded - direct) mean
 * time per request, and the guard process's own CPU time per request.
 */
export async function mockGuardPair(): Promise<Section> {
  const prism = await startPrism({ port: await freePort(), logLevel: "warn", output: "capture" });
  const guard = await startGuard(prism.port);
  const direct = Object.fromEntries(KINDS.map((k) => [k, [] as Round[]]));
  const guarded = Object.fromEntries(KINDS.map((k) => [k, [] as Round[]]));
  const guardCpu = Object.fromEntries(KINDS.map((k) => [k, [] as number[]]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of KINDS) {
        const order = round % 2 === 0 ? ["direct", "guarded"] : ["guarded", "direct"];
        for (const side of order) {
          if (side === "direct") {
            direct[kind]?.push(
              await runChild<Round>("sequential-requests.mjs", [prism.port, kind, ROUND_MS]),
            );
          } else {
            const before = await guard.cpuMicros();
            const measured = await runChild<Round>("sequential-requests.mjs", [
              guard.port,
              kind,
              ROUND_MS,
            ]);
            const spent = (await guard.cpuMicros()) - before;
            guarded[kind]?.push(measured);
            guardCpu[kind]?.push(spent / 1000 / measured.requests);
          }
        }
      }
    }
  } finally {
    await guard.stop();
    await prism.stop();
  }
  const rows: Row[] = KINDS.map((kind) => {
    const ours = guarded[kind] as Round[];
    const theirs = direct[kind] as Round[];
    const added = summarize(ours.map((r, i) => r.meanMs - (theirs[i] as Round).meanMs));
    const cpu = summarize(guardCpu[kind] as number[]);
    const mean = (rounds: Round[]) => summarize(rounds.map((r) => r.meanMs));
    const show = (s: ReturnType<typeof summarize>) =>
      `${formatNumber(s.median, 2)} ms/request ${formatSpread(s)}`;
    return {
      pair: `mock guard, ${kind}: guard + Prism vs Prism direct (one request at a time)`,
      ours: `${show(mean(ours))} (guard CPU ${formatNumber(cpu.median, 3)} ms/request)`,
      theirs: show(mean(theirs)),
      ratio: `+${formatNumber(added.median, 2)} ms/request (${formatNumber(added.min, 2)} to ${formatNumber(added.max, 2)})`,
      target: `< ${TARGET_MS} ms added per request`,
      met: added.median < TARGET_MS,
    };
  });
  return {
    title: "4b. Mock guard: what the guard in front of Prism adds per request",
    rows,
    details: [
      `One Prism (static examples); the guard (node:http, its own process) in front of it. ${ROUNDS} rounds of ${ROUND_MS} ms per side and request kind, each in a fresh client process (300 ms warm-up), sides interleaved in alternating order; one request at a time on one kept-alive connection, so the difference is the guard's own time and its extra loopback hop, without queueing.`,
      "The added time is the median over rounds of (guarded - direct) mean time per request, min to max in brackets. The guard's CPU per request is its process's CPU time over a round divided by the requests answered: it decodes and validates each request with the generated validators, reads and forwards the body, and relays Prism's answer.",
    ],
  };
}
