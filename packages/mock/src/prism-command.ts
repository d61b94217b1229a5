import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the mock listens unless told otherwise. */
export const DEFAULT_HOST = "127.0.0.1";
/** Prism's own default port, which README promises. */
export const DEFAULT_PORT = 4010;

/** The hand-written spec the mock serves: `spec/experience-users.yaml` at the repository root. */
export const SPEC_FILE = fileURLToPath(
  new URL("../../../spec/experience-users.yaml", import.meta.url),
);

/** What decides Prism's command line. */
export interface PrismCommandOptions {
  host: string;
  port: number;
  /** Generate responses from the schemas (json-schema-faker) instead of serving the examples. */
  dynamic: boolean;
  /** The OpenAPI document to serve. */
  spec: string;
  /** Prism's log level (`info` logs every request; `warn` keeps test output quiet). */
  logLevel: "info" | "warn" | "error" | "silent";
}

/**
 * The pinned Prism CLI's entry script, resolved from this package's dependency
 * (`@stoplight/prism-cli`, whichever node_modules npm hoisted it to).
 */
export function prismEntryScript(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: { prism: string } };
  return join(dirname(manifestPath), manifest.bin.prism);
}

/**
 * The arguments after `node <prism entry script>`. Single process (`--multiprocess=false`) so
 * that stopping the process group stops every part of Prism, whatever NODE_ENV says.
 */
export function prismArguments(options: PrismCommandOptions): string[] {
  return [
    "mock",
    options.spec,
    `--host=${options.host}`,
    `--port=${options.port}`,
    `--dynamic=${options.dynamic}`,
    "--multiprocess=false",
    `--verboseLevel=${options.logLevel}`,
  ];
}
