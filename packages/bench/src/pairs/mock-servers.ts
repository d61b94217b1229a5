import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_TOKEN, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import autocannon from "autocannon";
import { type CpuUsage, startServerChild } from "../children.js";
import { profileTop, showProfile } from "../profile-top.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatRatio, formatSpread, summarize } from "../stats.js";

const ROUNDS = 5;
const ROUND_S = 2;
const PRISM_S = 3;
const PROFILE_S = 4;
const CONNECTIONS = 10;
const TARGET = 0.33;
/** This pair and profile on the commit before the node:http listener (issue 17), for comparison. */
const BEFORE = {
  list: "0.10x (6,334 vs 63,995 req/CPU-s); top: 16.5% writev (native), 15.7% json (http/responder.js), 9.2% isoText (store/dates.js), 5.3% makeTransferable (node:internal/worker/js_transferable), 4.1% (garbage collector), 4.1% toExperienceUser (store/user-view.js)",
  get: "0.16x (11,816 vs 70,536 req/CPU-s); top: 35.0% writev (native), 6.2% (garbage collector), 5.9% makeTransferable, 2.8% json (http/responder.js), 2.6% runMicrotasks, 2.0% isoText, 1.8% responseViaResponseObject (@hono/node-server)",
};
const root = fileURLToPath(new URL("../../../..", import.meta.url));
const list = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const get = `${list}/000000000000000000000001`;
const paths = [
  ["list", list],
  ["get", get],
] as const;

/** One load run: requests per second of wall time and per CPU-second of the server process. */
interface Rate {
  perSecond: number;
  perCpuSecond: number;
}

interface Target {
  port: number;
  cpuUsage?: () => Promise<CpuUsage>;
  stop: () => Promise<void>;
}

async function load(port: number, path: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${DEV_TOKEN}`, accept: "application/json" },
  });
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(
      `${path} on ${port}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  }
  return result.requests.total / (result.duration || seconds);
}

async function measured(target: Target, path: string): Promise<Rate> {
  const before = await target.cpuUsage?.();
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}${path}`,
    connections: CONNECTIONS,
    duration: ROUND_S,
    headers: { authorization: `Bearer ${DEV_TOKEN}`, accept: "application/json" },
  });
  const after = await target.cpuUsage?.();
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(`${path}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  }
  const cpuSeconds =
    before && after ? (after.user + after.system - before.user - before.system) / 1e6 : Number.NaN;
  return {
    perSecond: result.requests.total / result.duration,
    perCpuSecond: result.requests.total / cpuSeconds,
  };
}

async function startPrism(): Promise<Target> {
  const bin = join(root, "node_modules/.bin/prism");
  return new Promise<Target>((resolve, reject) => {
    const child = spawn(
      bin,
      ["mock", "-h", "127.0.0.1", "-p", "0", join(root, "spec/experience-users.yaml")],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let log = "";
    const onData = (chunk: Buffer) => {
      log += String(chunk);
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (match) {
        resolve({
          port: Number(match[1]),
          stop: () =>
            new Promise<void>((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`prism exited with ${code}: ${log}`)));
  });
}

/** The fake's top functions by self time while autocannon loads one path (node --cpu-prof). */
async function profileFake(path: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "eu-bench-prof-"));
  try {
    const fake = await startServerChild(
      "fake-http.mjs",
      [],
      ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    );
    await load(fake.port, path, PROFILE_S);
    await fake.stop();
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (file === undefined) throw new Error("the fake wrote no CPU profile");
    const { idle, top } = profileTop(join(dir, file), 8);
    return `${showProfile(top)} (idle ${idle.toFixed(0)}% of all samples)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const showRate = (rates: readonly Rate[]) => {
  const cpu = summarize(rates.map((r) => r.perCpuSecond));
  const wall = summarize(rates.map((r) => r.perSecond));
  return `${formatNumber(cpu.median)} req/CPU-s ${formatSpread(cpu)} (${formatNumber(wall.median)} req/s)`;
};

/**
 * Pair 4: requests per second of the stateful fake over HTTP against a bare node:http server
 * answering the fake's own bodies (the limit), and against Prism. Fake and bare server run in
 * rounds, interleaved; the ratio is of requests per CPU-second of the server process (its own
 * cost per request; wall-clock rates on this shared machine depend on what else runs).
 */
export async function mockServersPair(): Promise<Section> {
  const fake = await startServerChild("fake-http.mjs");
  const bodies: Record<string, unknown> = {};
  for (const [, path] of paths) {
    const response = await fetch(`http://127.0.0.1:${fake.port}${path}`, {
      headers: { authorization: `Bearer ${DEV_TOKEN}` },
    });
    if (!response.ok) throw new Error(`fake ${path}: ${response.status}`);
    bodies[path] = await response.json();
  }
  const pageSize = (bodies[list] as { items: unknown[] }).items.length;
  const dir = mkdtempSync(join(tmpdir(), "eu-bench-"));
  writeFileSync(join(dir, "routes.json"), JSON.stringify(bodies));
  const bare = await startServerChild("static-json-server.mjs", [join(dir, "routes.json")]);
  const rows: Row[] = [];
  const profiles: string[] = [];
  try {
    for (const [label, path] of paths) {
      const rates = { fake: [] as Rate[], bare: [] as Rate[] };
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? (["fake", "bare"] as const) : (["bare", "fake"] as const);
        for (const side of order) {
          rates[side].push(await measured(side === "fake" ? fake : bare, path));
        }
      }
      const ratios = summarize(
        rates.fake.map((r, i) => r.perCpuSecond / (rates.bare[i]?.perCpuSecond ?? Number.NaN)),
      );
      const wallRatio = summarize(
        rates.fake.map((r, i) => r.perSecond / (rates.bare[i]?.perSecond ?? Number.NaN)),
      );
      rows.push({
        pair: `mock servers, ${label}${label === "list" ? ` (a page of ${pageSize})` : ""}: stateful fake vs bare node:http (the limit)`,
        ours: showRate(rates.fake),
        theirs: showRate(rates.bare),
        ratio: `${formatRatio(ratios.median)} ${formatSpread(ratios)} (wall ${formatRatio(wallRatio.median)})`,
        target: `>= ${TARGET.toFixed(2)}x`,
        met: ratios.median >= TARGET,
      });
    }
  } finally {
    await fake.stop();
    await bare.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const prism = await startPrism();
  try {
    for (const [label, path] of paths) {
      const fakeAgain = await startServerChild("fake-http.mjs");
      const fakeRate = await load(fakeAgain.port, path, PRISM_S).finally(() => fakeAgain.stop());
      const prismRate = await load(prism.port, path, PRISM_S);
      rows.push({
        pair: `mock servers, ${label}: stateful fake vs Prism`,
        ours: `${formatNumber(fakeRate)} req/s`,
        theirs: `${formatNumber(prismRate)} req/s`,
        ratio: formatRatio(fakeRate / prismRate),
        target: "reported",
        met: null,
      });
    }
  } finally {
    await prism.stop();
  }
  for (const [label, path] of paths) profiles.push(`${label}: ${await profileFake(path)}`);
  return {
    title: "4. Mock servers: requests per second for list and get",
    rows,
    details: [
      `autocannon (in the bench process), ${CONNECTIONS} connections; each server in its own process. Fake and bare server: ${ROUNDS} interleaved rounds of ${ROUND_S} s per path; the ratio is the median of per-round ratios of requests per CPU-second of the server process (read over IPC before and after each round), with the wall-clock ratio in brackets. Prism: one ${PRISM_S} s run per path against a fresh fake, wall clock.`,
      `The fake checks the token, decodes and validates the request (response validation off, its default) and reads its store; the list is a page of ${pageSize} users. The bare server answers the fake's own bodies from memory. Prism answers the spec's examples.`,
      `Where the fake's time goes, by self time in a CPU profile (node --cpu-prof, ${PROFILE_S} s of autocannon per path), share of the busy samples: ${profiles.join(" | ")}.`,
      `Before (measured 2026-12-01 on f610538, the fake behind @hono/node-server, every user rendered per request): list ${BEFORE.list}; get ${BEFORE.get}.`,
    ],
  };
}
