/** A command line that cannot be understood (the CLI prints its message and the usage). */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}
