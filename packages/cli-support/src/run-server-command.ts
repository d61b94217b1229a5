import { CliUsageError } from "@experience-users/fake-server";

/** A local server command, as {@link runServerCommand} runs it. */
export interface ServerCommand<Options, Served extends { close(): Promise<void> }> {
  /** What its error lines start with, e.g. `start-mock`. */
  readonly name: string;
  /**
   * Reads the command line. A `CliUsageError` (a bad port) or a `node:util` `parseArgs` error (an
   * unknown option) is a usage error: exit code 2; anything else exits 1.
   */
  options(): Options;
  /** Starts serving; a failure is printed and exits 1. */
  serve(options: Options): Promise<Served>;
  /** What it prints once it serves: where, and how to stop it. */
  banner(served: Served, options: Options): string;
  /** The line printed when `serve` fails. @default the error's message */
  startFailure?(message: string): string;
  /**
   * Resolves if the server stops on its own (Prism exited), with what to print and the exit code;
   * the command then closes the rest and exits with that code.
   */
  stoppedOnItsOwn?(served: Served): Promise<{ message: string; code: number }>;
}

function isUsageError(error: unknown): boolean {
  return (
    error instanceof CliUsageError ||
    String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")
  );
}

function exitWith(name: string, message: string, code: number): never {
  console.error(`${name}: ${message}`);
  process.exit(code);
}

/**
 * Runs a local server command: reads its options, serves, prints the banner, and on the first
 * SIGINT (Ctrl-C) or SIGTERM closes what it serves and exits 0.
 */
export async function runServerCommand<Options, Served extends { close(): Promise<void> }>(
  command: ServerCommand<Options, Served>,
): Promise<void> {
  let options: Options;
  try {
    options = command.options();
  } catch (error) {
    exitWith(command.name, (error as Error).message, isUsageError(error) ? 2 : 1);
  }
  let served: Served;
  try {
    served = await command.serve(options);
  } catch (error) {
    const message = (error as Error).message;
    exitWith(command.name, command.startFailure?.(message) ?? message, 1);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void served.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(command.banner(served, options));
  if (command.stoppedOnItsOwn === undefined) return;
  const { message, code } = await command.stoppedOnItsOwn(served);
  if (stopping) return;
  stopping = true;
  console.error(`${command.name}: ${message}`);
  await served.close();
  process.exit(code);
}
