import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { childrenDir } from "./children.js";

const run = promisify(execFile);

/** Whether `valgrind` can be run here (Debian's package `valgrind`). */
export async function hasValgrind(): Promise<boolean> {
  try {
    await run("valgrind", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU instructions a child script executes in a fresh Node process (with `nodeArgs`) under
 * `valgrind --tool=callgrind`: the same count for the same work whatever else the machine does.
 */
export async function instructionsOf(
  script: string,
  args: (string | number)[],
  nodeArgs: string[] = [],
): Promise<number> {
  const { stderr } = await run(
    "valgrind",
    [
      "--tool=callgrind",
      "--callgrind-out-file=/dev/null",
      process.execPath,
      ...nodeArgs,
      `${childrenDir}${script}`,
      ...args.map(String),
    ],
    { cwd: childrenDir, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const match = /Collected : (\d+)/.exec(stderr);
  if (!match) throw new Error(`callgrind printed no total for ${script} ${args.join(" ")}`);
  return Number(match[1]);
}
