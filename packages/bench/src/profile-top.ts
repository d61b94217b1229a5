import { readFileSync } from "node:fs";

/** One function's share of a CPU profile's samples (self time). */
export interface ProfileEntry {
  /** Percent of the busy samples (all but `(idle)`). */
  percent: number;
  name: string;
  /** `fake-server/dist/store/dates.js:13`, `node:internal/...`, or `native`. */
  where: string;
}

function shortFile(url: string, line: number): string {
  if (url === "") return "native";
  const path = url.replace(/^file:\/\//, "");
  const inRepo = /\/(?:packages|node_modules)\/(.*)$/.exec(path);
  return `${inRepo ? inRepo[1] : path}:${line + 1}`;
}

/**
 * The top entries by self time of a `.cpuprofile` written by `node --cpu-prof`, as a share of
 * the busy samples, and the idle share of all samples.
 */
export function profileTop(file: string, count: number): { idle: number; top: ProfileEntry[] } {
  const profile = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, { name: string; where: string; time: number }>();
  let idle = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id);
    const time = profile.timeDeltas[i] ?? 0;
    total += time;
    if (frame === undefined) return;
    if (frame.functionName === "(idle)") {
      idle += time;
      return;
    }
    const where = shortFile(frame.url, frame.lineNumber);
    const name = frame.functionName || "(anonymous)";
    const key = `${name} ${where}`;
    const entry = self.get(key) ?? { name, where, time: 0 };
    entry.time += time;
    self.set(key, entry);
  });
  const busy = total - idle;
  const top = [...self.values()]
    .sort((a, b) => b.time - a.time)
    .slice(0, count)
    .map(({ name, where, time }) => ({ percent: (100 * time) / busy, name, where }));
  return { idle: total === 0 ? 0 : (100 * idle) / total, top };
}

/** `12.3% writev (native); 9.0% isoText (fake-server/dist/store/dates.js:13); ...` */
export function showProfile(entries: readonly ProfileEntry[]): string {
  return entries.map((e) => `${e.percent.toFixed(1)}% ${e.name} (${e.where})`).join("; ");
}
