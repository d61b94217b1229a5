#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { type CliOptions, parseCliOptions, USAGE } from "./cli/cli-options.js";
import { CliUsageError } from "./cli/cli-usage-error.js";
import { EXIT_CONFORMS, EXIT_USAGE, EXIT_VIOLATIONS, exitCodeOfSignal } from "./cli/exit-codes.js";
import { InvalidOptionsError } from "./invalid-options-error.js";
import type { ProgressEvent } from "./report.js";
import { formatJson } from "./reporters/json-reporter.js";
import { formatJunit } from "./reporters/junit-reporter.js";
import { progressReporter } from "./reporters/progress-reporter.js";
import { formatTable } from "./reporters/table-reporter.js";
import { runConformance } from "./run-conformance.js";

type Signal = "SIGINT" | "SIGTERM";

/** Stops the run on the first signal; quits at once on the second, naming what is left. */
function watchSignals(left: () => string[]) {
  const controller = new AbortController();
  let received: Signal | undefined;
  const handle = (signal: Signal) => {
    if (received === undefined) {
      received = signal;
      process.stderr.write(
        `\n${signal}: finishing the request in flight, then deleting the users this run created (${signal} again quits at once)\n`,
      );
      controller.abort();
      return;
    }
    const ids = left();
    process.stderr.write(
      `\n${signal} again: quitting without cleanup.${ids.length > 0 ? ` Delete by hand: ${ids.join(", ")}` : ""}\n`,
    );
    process.exit(exitCodeOfSignal(signal));
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      process.off("SIGINT", handle);
      process.off("SIGTERM", handle);
    },
  };
}

async function run(options: CliOptions): Promise<number> {
  const left = new Map<string, string>();
  const track = (event: ProgressEvent) => {
    if (event.type === "created") left.set(event.id, `${event.id} (${event.email ?? ""})`);
    if (event.type === "cleanup" && event.result.id && event.result.outcome !== "failed") {
      left.delete(event.result.id);
    }
  };
  const signals = watchSignals(() => [...left.values()]);
  const progress = progressReporter(process.stderr);
  try {
    const report = await runConformance({
      baseUrl: options.baseUrl,
      token: options.token,
      applicationId: options.applicationId,
      readOnly: options.readOnly,
      stateless: options.stateless,
      pace: options.pace,
      timeout: options.timeout,
      signal: signals.signal,
      onProgress: (event) => {
        track(event);
        progress.onProgress(event);
      },
    });
    progress.finish();
    const table = formatTable(report);
    if (options.json) {
      process.stdout.write(formatJson(report));
      process.stderr.write(table);
    } else process.stdout.write(table);
    if (options.junit !== undefined) await writeFile(options.junit, formatJunit(report));
    const signal = signals.received();
    if (signal !== undefined) return exitCodeOfSignal(signal);
    return report.conforms ? EXIT_CONFORMS : EXIT_VIOLATIONS;
  } finally {
    signals.dispose();
  }
}

function version(): string {
  const manifest = createRequire(import.meta.url)("../package.json") as { version: string };
  return manifest.version;
}

async function main(): Promise<number> {
  try {
    const command = parseCliOptions(process.argv.slice(2), process.env);
    if ("help" in command) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_CONFORMS;
    }
    if ("version" in command) {
      process.stdout.write(`${version()}\n`);
      return EXIT_CONFORMS;
    }
    return await run(command.run);
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof InvalidOptionsError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_VIOLATIONS;
  },
);
