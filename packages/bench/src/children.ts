import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Folder of the plain-JS scripts the benchmarks run in fresh processes. */
export const childrenDir = fileURLToPath(new URL("./children/", import.meta.url));

/** Runs a child script in a fresh Node process (with `nodeArgs`) and parses the JSON it prints. */
export async function runChild<T>(
  script: string,
  args: (string | number)[],
  timeout = 120_000,
  nodeArgs: string[] = [],
): Promise<T> {
  const argv = [...nodeArgs, `${childrenDir}${script}`, ...args.map(String)];
  const { stdout } = await run(process.execPath, argv, {
    cwd: childrenDir,
    timeout,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}

/** CPU time a child has used so far, in microseconds (`process.cpuUsage()` of the child). */
export interface CpuUsage {
  user: number;
  system: number;
}

/**
 * Starts a child that prints its port on the first line; `stop()` ends it. `cpuUsage()` asks a
 * child that answers on its IPC channel (see children/report-cpu.mjs) for its CPU time so far.
 */
export async function startServerChild(
  script: string,
  args: (string | number)[] = [],
  nodeArgs: string[] = [],
) {
  const child = spawn(
    process.execPath,
    [...nodeArgs, `${childrenDir}${script}`, ...args.map(String)],
    { cwd: childrenDir, stdio: ["ignore", "pipe", "inherit", "ipc"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout?.once("data", (chunk: Buffer) => resolve(Number(String(chunk).split("\n")[0])));
  });
  return {
    port,
    cpuUsage: () =>
      new Promise<CpuUsage>((resolve) => {
        child.once("message", (usage) => resolve(usage as CpuUsage));
        child.send("cpu");
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
