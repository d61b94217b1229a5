import { parseArgs } from "node:util";
import { serverUrl } from "@experience-users/spec";
import { DEFAULT_PACE, DEFAULT_TIMEOUT } from "../conformance-options.js";
import { CliUsageError } from "./cli-usage-error.js";

/** The environment variable the token may come from (so that it stays out of shell history). */
const TOKEN_VARIABLE = "LOSANT_API_TOKEN";
/** The environment variable the application id may come from. */
const APPLICATION_VARIABLE = "LOSANT_APPLICATION_ID";

/** What the command line asked for. */
export interface CliOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly readOnly: boolean;
  readonly stateless: boolean;
  readonly pace: number;
  readonly timeout: number;
  readonly json: boolean;
  readonly junit?: string;
}

/** `--help`, `--version`, or a run. */
export type CliCommand =
  | { readonly help: true }
  | { readonly version: true }
  | { readonly run: CliOptions };

/** The `--help` text. */
export const USAGE = `Usage: experience-users-conformance --application ID [--token T] [--base-url URL]
                                    [--read-only] [--stateless] [--pace MS] [--timeout MS]
                                    [--json] [--junit FILE]

Checks a deployment of the Losant Experience Users API against the spec: lists with each query
parameter, creates one test user (conformance+<run>@example.com, first name Conformance), reads,
patches, filters and deletes it, and asks for the documented errors. Every answer is judged
against the spec's response schemas and documented statuses. Only the users the run creates are
ever changed, and they are deleted at the end, also when a step fails or the run is interrupted.

  --base-url URL    the API (default ${serverUrl}, the spec's server)
  --token T         an API token of the application. Prefer the ${TOKEN_VARIABLE}
                    environment variable: a token on the command line stays in your shell
                    history and shows in the process list
  --application ID  the application's id (or ${APPLICATION_VARIABLE})
  --read-only       only list and get: nothing is created, changed or deleted (production)
  --stateless       for a stateless mock (Prism): judge statuses and schemas, not state
  --pace MS         milliseconds between requests (default ${DEFAULT_PACE})
  --timeout MS      milliseconds one request may take (default ${DEFAULT_TIMEOUT})
  --json            print the whole report as JSON on stdout (the table goes to stderr)
  --junit FILE      also write the report as JUnit XML to FILE
  --version         print the version
  -h, --help        print this text

Exit code: 0 conforms; 1 a violation (or a user left behind); 2 a usage error;
130 or 143 interrupted by SIGINT (Ctrl-C) or SIGTERM, after cleanup.
The token and the passwords are never printed.`;

function milliseconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) {
    throw new CliUsageError(
      `--${name} must be a whole number of milliseconds, got ${JSON.stringify(text)}`,
    );
  }
  return Number(text);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        "base-url": { type: "string" },
        token: { type: "string" },
        application: { type: "string" },
        "read-only": { type: "boolean" },
        stateless: { type: "boolean" },
        pace: { type: "string" },
        timeout: { type: "string" },
        json: { type: "boolean" },
        junit: { type: "string" },
        version: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the command line and `LOSANT_API_TOKEN` / `LOSANT_APPLICATION_ID`. */
export function parseCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliCommand {
  const values = parse(argv);
  if (values.help) return { help: true };
  if (values.version) return { version: true };
  const token = (values.token ?? env[TOKEN_VARIABLE] ?? "").trim();
  if (token === "") throw new CliUsageError(`no token: set ${TOKEN_VARIABLE} or pass --token`);
  const applicationId = values.application ?? env[APPLICATION_VARIABLE] ?? "";
  if (applicationId === "") {
    throw new CliUsageError(`no application: pass --application ID or set ${APPLICATION_VARIABLE}`);
  }
  return {
    run: {
      baseUrl: values["base-url"] ?? serverUrl,
      token,
      applicationId,
      readOnly: values["read-only"] ?? false,
      stateless: values.stateless ?? false,
      pace: milliseconds("pace", values.pace, DEFAULT_PACE),
      timeout: milliseconds("timeout", values.timeout, DEFAULT_TIMEOUT),
      json: values.json ?? false,
      ...(values.junit === undefined ? {} : { junit: values.junit }),
    },
  };
}
