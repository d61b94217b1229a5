/** A command line that cannot be understood (exit code 2). */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}
