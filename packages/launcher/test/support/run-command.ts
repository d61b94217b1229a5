import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { descendants, processGroup, watchDescendants } from "./process-tree.js";

/** The repository root, where the npm scripts are. */
export const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * A command run by a test. It stays in the test's process group, so that whatever stops the test
 * run (turbo stops a task's whole group) stops it too.
 */
export interface RunningCommand {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if it exits first. */
  printed(pattern: RegExp, timeout?: number): Promise<RegExpExecArray>;
  /** Every process seen below it since it started. */
  descendants(): number[];
  /** Resolves with its exit code and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Ctrl-C as a terminal sends it: SIGINT to every process of the command's foreground process
   * group (the command and each descendant still in its group), not to the processes that left
   * it (Prism runs in a group of its own, which its parent must stop).
   */
  pressCtrlC(): void;
  /** SIGKILLs the group and every process seen below it (cleanup after a failed test). */
  kill(): void;
}

/** Runs `command args` from the repository root. */
export function runCommand(command: string, args: string[]): RunningCommand {
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const pid = child.pid as number;
  const watch = watchDescendants(pid);
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let done = false;
  const exited = once(child, "exit").then(([code, signal]) => {
    done = true;
    watch.stop();
    for (const listener of listeners) listener();
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  const printed = (pattern: RegExp, timeout = 60_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`${pattern} not printed within ${timeout} ms:\n${output}`));
      }, timeout);
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          clearTimeout(timer);
          listeners.delete(check);
          resolve(match);
        } else if (done) {
          clearTimeout(timer);
          listeners.delete(check);
          reject(new Error(`exited without printing ${pattern}:\n${output}`));
        }
      };
      listeners.add(check);
      check();
    });
  const signal = (target: number, name: NodeJS.Signals) => {
    try {
      process.kill(target, name);
    } catch {
      // Already gone.
    }
  };
  return {
    child,
    pid,
    output: () => output,
    printed,
    descendants: () => watch.seen(),
    exited,
    pressCtrlC: () => {
      const group = processGroup(pid);
      for (const member of [pid, ...descendants(pid)]) {
        try {
          if (processGroup(member) === group) signal(member, "SIGINT");
        } catch {
          // Gone already.
        }
      }
    },
    kill: () => {
      for (const member of [pid, ...watch.seen()]) signal(member, "SIGKILL");
    },
  };
}

/** True when something accepts a TCP connection on 127.0.0.1:port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
