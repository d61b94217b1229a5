import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import targets from "../../../../scripts/targets.json" with { type: "json" };

/** The repository root. */
export const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));

/** One row of scripts/targets.json. */
interface Target {
  script: string;
  dir: string;
  from?: string;
  writes: string;
}

/**
 * Every generated folder, relative to the repository root, with the script that writes it and
 * the file it is generated from (the spec unless the table says otherwise).
 */
export const generatedDirs = Object.entries(targets as Record<string, Target>).map(
  ([name, target]) => ({ name, ...target, from: target.from ?? "spec/experience-users.yaml" }),
);

/** Runs every generator with `--out-root`, so the tree lands under `outRoot`, not in the repo. */
export async function generateInto(outRoot: string): Promise<void> {
  await Promise.all(
    generatedDirs.map(({ script }) =>
      promisify(execFile)(
        process.execPath,
        ["--import", "tsx", join("scripts", script), "--out-root", outRoot],
        { cwd: repoRoot },
      ),
    ),
  );
}

/** The files under `dir` (recursively), by path relative to `dir`; empty when `dir` is absent. */
export function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), readFileSync(path));
  }
  return files;
}

/**
 * The differences between one generated folder under `freshRoot` (what the generators write now)
 * and under `committedRoot`, byte for byte: one line per stale, missing or extra file.
 */
export function folderDifferences(freshRoot: string, committedRoot: string, dir: string): string[] {
  const lines: string[] = [];
  const fresh = filesOf(join(freshRoot, dir));
  const committed = filesOf(join(committedRoot, dir));
  for (const [name, bytes] of fresh) {
    const old = committed.get(name);
    if (old === undefined) lines.push(`  missing: ${dir}/${name} (a generator writes it)`);
    else if (!old.equals(bytes)) lines.push(`  stale:   ${dir}/${name}`);
  }
  for (const name of committed.keys()) {
    if (!fresh.has(name)) lines.push(`  extra:   ${dir}/${name} (no generator writes it)`);
  }
  return lines;
}

/**
 * Compares every generated folder under `freshRoot` with the one under `committedRoot`. Returns
 * `undefined` when they are identical, otherwise a message listing every stale, missing and extra
 * file and naming the fix.
 */
export function driftReport(freshRoot: string, committedRoot: string): string | undefined {
  const lines = generatedDirs.flatMap(({ dir }) =>
    folderDifferences(freshRoot, committedRoot, dir),
  );
  if (lines.length === 0) return undefined;
  return [
    "The committed generated code is not what the generators write from spec/experience-users.yaml:",
    ...lines,
    "Run `npm run generate` and commit the result.",
  ].join("\n");
}
