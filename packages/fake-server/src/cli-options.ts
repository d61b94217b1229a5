import { parseArgs } from "node:util";
import { CliUsageError } from "./cli-usage-error.js";
import { DEFAULT_HOST, DEFAULT_PORT, DEV_TOKEN } from "./constants.js";

/** What the command line asked for. */
interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly fixture?: string;
  readonly quiet: boolean;
  /** Check every answer against the generated response validators (a violation is a 500). */
  readonly validateResponses: boolean;
  readonly help: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: experience-users-fake [--port N] [--host H] [--fixture file.json] [--quiet]
                            [--validate-responses]

Serves a stateful fake of the Losant Experience Users API.
  --port N          port to listen on (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free one)
  --host H          interface to bind (default ${DEFAULT_HOST})
  --fixture FILE    JSON fixture to start from (applications, groups, users, tokens)
  --quiet           do not log requests
  --validate-responses
                    check every answer against the spec (a violation becomes a 500)
Without a fixture the spec's example application exists, empty, and the token
"${DEV_TOKEN}" has every scope.`;

const DECIMAL_DIGITS = /^[0-9]+$/;

/**
 * The one port rule of the kit's command lines (the fake, the mock, the docs): an integer from 0
 * to 65535 written in decimal digits (`0` picks a free port); anything else (`-1`, `1e3`, `0x10`,
 * `80.0`, ` 80`, an empty string) throws a {@link CliUsageError} naming `source` (e.g. `--port`).
 */
export function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!DECIMAL_DIGITS.test(text) || port > 65_535) {
    throw new CliUsageError(
      `${source} must be a port number from 0 to 65535, got ${JSON.stringify(text)}`,
    );
  }
  return port;
}

/**
 * The port a command line asks for, by one precedence: its `--port` flag (`flag`), else the
 * environment variable `variable` when set and not empty, else `fallback`; each read by
 * {@link parsePort}.
 */
export function portOption(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
  fallback: number,
): number {
  if (flag !== undefined) return parsePort(flag, "--port");
  const value = env[variable];
  return value !== undefined && value !== "" ? parsePort(value, variable) : fallback;
}

/** Reads `--port`, `--host`, `--fixture`, `--quiet`, `--help` and the `PORT` variable. */
export function parseCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliOptions {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  return {
    port: portOption(values.port, env, "PORT", DEFAULT_PORT),
    host: values.host ?? DEFAULT_HOST,
    ...(values.fixture === undefined ? {} : { fixture: values.fixture }),
    quiet: values.quiet ?? false,
    validateResponses: values["validate-responses"] ?? false,
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      fixture: { type: "string" },
      quiet: { type: "boolean" },
      "validate-responses": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
