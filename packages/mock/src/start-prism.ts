import { spawn } from "node:child_process";
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  type PrismCommandOptions,
  prismArguments,
  prismEntryScript,
  SPEC_FILE,
} from "./prism-command.js";
import { isListening, waitUntilListening } from "./wait-until-listening.js";

/** Options of {@link startPrism}; every field has a default. */
export interface StartPrismOptions extends Partial<PrismCommandOptions> {
  /**
   * `inherit` (default): Prism writes to this process's stdout and stderr. `capture`: its output
   * is read and its last lines kept for error messages (see {@link RunningPrism.output}).
   */
  output?: "inherit" | "capture";
  /**
   * Milliseconds to wait for Prism to accept connections. It has been seen to take 20 s on two
   * busy cores. @default 60_000
   */
  readyTimeout?: number;
  /** Milliseconds between SIGTERM and SIGKILL when stopping. Default 5,000. */
  stopGrace?: number;
}

/** How the Prism process ended. */
export interface PrismExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A Prism mock that is accepting connections. */
export interface RunningPrism {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly dynamic: boolean;
  /** Resolves when the Prism process has exited. */
  readonly exited: Promise<PrismExit>;
  /** The last lines Prism printed (only with `output: "capture"`). */
  output(): string;
  /** Stops Prism's whole process group (SIGTERM, then SIGKILL after the grace period). Idempotent. */
  stop(): Promise<void>;
}

const KEPT_LINES = 200;

/**
 * Spawns the pinned Prism CLI serving the spec, in its own process group, and resolves once its
 * port accepts connections. Rejects (and leaves nothing running) if the port is already taken,
 * if Prism exits first, or if it is not listening within `readyTimeout`. Prism is also killed if
 * this process exits without stopping it.
 */
export async function startPrism(options: StartPrismOptions = {}): Promise<RunningPrism> {
  const command: PrismCommandOptions = {
    host: options.host ?? DEFAULT_HOST,
    port: options.port ?? DEFAULT_PORT,
    dynamic: options.dynamic ?? false,
    spec: options.spec ?? SPEC_FILE,
    logLevel: options.logLevel ?? "info",
  };
  if (await isListening(command.host, command.port)) {
    throw new Error(`${command.host}:${command.port} is already in use`);
  }
  const capture = options.output === "capture";
  const child = spawn(process.execPath, [prismEntryScript(), ...prismArguments(command)], {
    detached: true,
    stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_LINES));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const output = () => lines.join("\n");

  const exited = new Promise<PrismExit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => {
      keep(Buffer.from(String(error)));
      resolve({ code: null, signal: null });
    });
  });
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  };
  const killOnExit = () => killGroup("SIGKILL");
  process.once("exit", killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      killGroup("SIGTERM");
      const escalate = setTimeout(() => killGroup("SIGKILL"), options.stopGrace ?? 5_000);
      await exited;
      clearTimeout(escalate);
      killGroup("SIGKILL");
      process.off("exit", killOnExit);
    })();
    return stopping;
  };

  const gone = new AbortController();
  void exited.then((status) =>
    gone.abort(new Error(`Prism exited (${describeExit(status)}) before it listened`)),
  );
  try {
    await waitUntilListening(command.host, command.port, {
      timeout: options.readyTimeout ?? 60_000,
      signal: gone.signal,
    });
  } catch (error) {
    await stop();
    const detail = capture ? `\n--- Prism output ---\n${output()}` : "";
    throw new Error(`${(error as Error).message}${detail}`, { cause: error });
  }

  return {
    url: `http://${command.host}:${command.port}`,
    port: command.port,
    pid: child.pid as number,
    dynamic: command.dynamic,
    exited,
    output,
    stop,
  };
}

/** `code 1` or `signal SIGTERM`. */
export function describeExit({ code, signal }: PrismExit): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}
