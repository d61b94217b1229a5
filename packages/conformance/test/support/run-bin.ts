import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built bin, as `npm install` links it. */
export const BIN = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** A running `experience-users-conformance`. */
export interface RunningBin {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** Resolves when stderr matches; rejects if the process exits first. */
  printed(pattern: RegExp): Promise<void>;
}

/** Starts the bin with `args`; the environment holds only PATH and `env`. */
export function runBin(args: readonly string[], env: Record<string, string> = {}): RunningBin {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  let out = "";
  let err = "";
  const waiting = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk;
    for (const check of waiting) check();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => resolve(code)),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    printed: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(err)) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
        void exited.then(() => {
          if (waiting.delete(check)) {
            reject(new Error(`exited before printing ${pattern}:\n${err}\n${out}`));
          }
        });
      }),
  };
}
