import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Folder of the plain-JS scripts the benchmarks run in fresh processes. */
export const childrenDir = fileURLToPath(new URL("./children/", import.meta.url));

/** Runs a child script in a fresh Node process (with these Node flags) and parses the JSON it prints. */
export async function runChild<T>(
  script: string,
  args: (string | number)[],
  timeout = 120_000,
  nodeFlags: string[] = [],
): Promise<T> {
  const argv = [...nodeFlags, `${childrenDir}${script}`, ...args.map(String)];
  const { stdout } = await run(process.execPath, argv, {
    cwd: childrenDir,
    timeout,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}

/** Starts a child that prints its port on the first line; `stop()` ends it. */
export async function startServerChild(script: string, args: (string | number)[] = []) {
  const child = spawn(process.execPath, [`${childrenDir}${script}`, ...args.map(String)], {
    cwd: childrenDir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout.once("data", (chunk: Buffer) => resolve(Number(String(chunk).split("\n")[0])));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
