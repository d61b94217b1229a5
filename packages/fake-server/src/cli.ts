#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { parseCliOptions, USAGE } from "./cli-options.js";
import { CliUsageError } from "./cli-usage-error.js";
import { DEV_TOKEN } from "./constants.js";
import type { FakeFixture } from "./fixture/fixture.js";
import { FixtureError } from "./fixture/fixture-error.js";
import { type ServedFakeServer, serveFakeServer } from "./serve-fake-server.js";

async function readFixture(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FixtureError([
      `${file} is not JSON: ${error instanceof Error ? error.message : error}`,
    ]);
  }
}

function banner(server: ServedFakeServer): string {
  const applications = server.fake.store.applications().map((app) => app.id);
  const example = applications[0];
  return [
    `Experience Users fake listening on ${server.url}`,
    `  applications: ${applications.join(", ") || "(none)"}`,
    `  dev token (every scope): ${DEV_TOKEN}`,
    ...(example === undefined
      ? []
      : [
          `  try: curl -H 'Authorization: Bearer ${DEV_TOKEN}' ${server.url}/applications/${example}/experience/users`,
        ]),
    "Ctrl-C to stop.",
  ].join("\n");
}

function stopOnSignals(server: ServedFakeServer): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: stopping`);
    server.close().then(
      () => console.log("stopped"),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const fixture = options.fixture === undefined ? undefined : await readFixture(options.fixture);
  const server = await serveFakeServer({
    port: options.port,
    host: options.host,
    validateResponses: options.validateResponses,
    ...(fixture === undefined ? {} : { fixture: fixture as FakeFixture }),
    ...(options.quiet ? {} : { log: (line: string) => console.log(line) }),
  });
  console.log(banner(server));
  stopOnSignals(server);
}

main().catch((error: unknown) => {
  const known = error instanceof CliUsageError || error instanceof FixtureError;
  console.error(
    known ? `${error.message}${error instanceof CliUsageError ? `\n\n${USAGE}` : ""}` : error,
  );
  process.exitCode = 1;
});
