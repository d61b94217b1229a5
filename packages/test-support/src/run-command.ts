import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { descendants, processGroup, watchDescendants } from "./process-tree.js";

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  /** @default the test's working directory */
  cwd?: string;
  /** The whole environment of the command. @default the test's, with `FORCE_COLOR=0` */
  env?: NodeJS.ProcessEnv;
  /**
   * Record every process that appears below the command (Linux /proc, polled every 50 ms), for
   * {@link RunningCommand.descendants} and {@link RunningCommand.kill}. @default false
   */
  watchDescendants?: boolean;
}

/** Where {@link RunningCommand.printed} looks. */
export type OutputStream = "stdout" | "stderr" | "both";

/**
 * A command run by a test. It stays in the test's process group, so that whatever stops the test
 * run (turbo stops a task's whole group) stops it too.
 */
export interface RunningCommand {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything it printed so far, stdout and stderr in the order they came. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /**
   * Resolves with the first match of `pattern` in the output (`stream`, default both); rejects
   * once the command has exited and its output is read without a match, or after `timeout` ms
   * (default 60 s).
   */
  printed(
    pattern: RegExp,
    options?: { timeout?: number; stream?: OutputStream },
  ): Promise<RegExpExecArray>;
  /** Resolves with its exit code and signal once it has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with its exit code once it has exited and its output is read to the end. */
  readonly closed: Promise<number | null>;
  /** Every process seen below it since it started (with `watchDescendants`). */
  descendants(): number[];
  /**
   * Ctrl-C as a terminal sends it: SIGINT to every process of the command's foreground process
   * group (the command and each descendant still in its group), not to the processes that left
   * it (Prism runs in a group of its own, which its parent must stop).
   */
  pressCtrlC(): void;
  /** SIGKILLs it and every process seen below it (cleanup after a failed test). */
  kill(): void;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** Runs `command args`, collecting what it prints, e.g. `runCommand(process.execPath, [cli])`. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): RunningCommand {
  const child = spawn(command, [...args], {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    stdio: ["ignore", "pipe", "pipe"],
    env: options.env ?? { ...process.env, FORCE_COLOR: "0" },
  });
  const pid = child.pid as number;
  const watch = options.watchDescendants ? watchDescendants(pid) : undefined;
  const printed = { stdout: "", stderr: "", both: "" };
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    printed.stdout += chunk;
    printed.both += chunk;
    notify();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    printed.stderr += chunk;
    printed.both += chunk;
    notify();
  });
  let done = false;
  const exited = once(child, "exit").then(([code, exitSignal]) => {
    watch?.stop();
    return { code: code as number | null, signal: exitSignal as NodeJS.Signals | null };
  });
  const closed = once(child, "close").then(([code]) => {
    done = true;
    notify();
    return code as number | null;
  });
  return {
    child,
    pid,
    output: () => printed.both,
    stdout: () => printed.stdout,
    stderr: () => printed.stderr,
    printed: (pattern, { timeout = 60_000, stream = "both" } = {}) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`${pattern} not printed within ${timeout} ms:\n${printed.both}`)),
            ),
          timeout,
        );
        const check = () => {
          const match = pattern.exec(printed[stream]);
          if (match) finish(() => resolve(match));
          else if (done)
            finish(() => reject(new Error(`exited without printing ${pattern}:\n${printed.both}`)));
        };
        listeners.add(check);
        check();
      }),
    exited,
    closed,
    descendants: () => watch?.seen() ?? [],
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
      for (const member of [pid, ...(watch?.seen() ?? [])]) signal(member, "SIGKILL");
    },
  };
}
