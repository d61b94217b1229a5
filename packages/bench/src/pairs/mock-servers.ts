import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_TOKEN, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import autocannon from "autocannon";
import { startServerChild } from "../children.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatRatio, formatSpread, summarize } from "../stats.js";

const DURATION_S = 5;
const CONNECTIONS = 10;
const root = fileURLToPath(new URL("../../../..", import.meta.url));
const list = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const get = `${list}/000000000000000000000001`;

type Rate = Awaited<ReturnType<typeof load>>;

interface Target {
  name: string;
  port: number;
  stop: () => Promise<void>;
}

/** Requests per second: the mean over the run, and the slowest and fastest one-second samples. */
async function load(
  port: number,
  path: string,
): Promise<{ mean: number; min: number; max: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${DEV_TOKEN}`, accept: "application/json" },
  });
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(
      `${path} on ${port}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  }
  return { mean: result.requests.average, min: result.requests.min, max: result.requests.max };
}

async function startPrism(): Promise<Target> {
  const bin = join(root, "node_modules/.bin/prism");
  const { port, stop } = await new Promise<{ port: number; stop: () => Promise<void> }>(
    (resolve, reject) => {
      const child = spawn(
        bin,
        ["mock", "-h", "127.0.0.1", "-p", "0", join(root, "spec/experience-users.yaml")],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
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
    },
  );
  return { name: "Prism mock (static examples)", port, stop };
}

/** Pair 4: requests per second of Prism vs the stateful fake vs a bare node:http server. */
export async function mockServersPair(): Promise<Section> {
  const fake = await startServerChild("fake-http.mjs");
  const bodies: Record<string, unknown> = {};
  for (const path of [list, get]) {
    const response = await fetch(`http://127.0.0.1:${fake.port}${path}`, {
      headers: { authorization: `Bearer ${DEV_TOKEN}` },
    });
    if (!response.ok) throw new Error(`fake ${path}: ${response.status}`);
    bodies[path] = await response.json();
  }
  const dir = mkdtempSync(join(tmpdir(), "eu-bench-"));
  writeFileSync(join(dir, "routes.json"), JSON.stringify(bodies));
  const bare = await startServerChild("static-json-server.mjs", [join(dir, "routes.json")]);
  const prism = await startPrism();
  const targets: Target[] = [
    { name: "stateful fake (HTTP)", port: fake.port, stop: fake.stop },
    prism,
    { name: "bare node:http, same JSON", port: bare.port, stop: bare.stop },
  ];
  const rows: Row[] = [];
  const details: string[] = [];
  try {
    for (const [label, path] of [
      ["list", list],
      ["get", get],
    ] as const) {
      const measured = [];
      for (const target of targets) measured.push(await load(target.port, path));
      const [fake, prism, bare] = measured as [Rate, Rate, Rate];
      const show = (r: Rate) =>
        `${formatNumber(r.mean)} req/s ${formatSpread(summarize([r.min, r.mean, r.max]))}`;
      rows.push(
        {
          pair: `mock servers, ${label}: stateful fake vs Prism`,
          ours: show(fake),
          theirs: show(prism),
          ratio: formatRatio(fake.mean / prism.mean),
          target: "reported",
          met: null,
        },
        {
          pair: `mock servers, ${label}: stateful fake vs bare node:http (the limit)`,
          ours: show(fake),
          theirs: show(bare),
          ratio: formatRatio(fake.mean / bare.mean),
          target: "reported",
          met: null,
        },
      );
    }
  } finally {
    for (const target of targets) await target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  details.push(
    `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per server and path, each server in its own process; the fake checks the token, validates the request and reads its store; Prism answers the spec's examples; the bare server answers the fake's own bodies.`,
  );
  return { title: "4. Mock servers: requests per second for list and get", rows, details };
}
