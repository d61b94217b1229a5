/**
 * `npm start` (after the build): `node dist/start-all.js [--mock-port N] [--fake-port N]
 * [--docs-port N] [--host H] [--quiet]` serves the Prism mock (4010), the stateful fake (4020)
 * and the docs page (4011) in this one process (plus Prism's), prints the three URLs and the
 * fake's development token, and stops all three on Ctrl-C (SIGINT) or SIGTERM.
 */
import { parseArgs } from "node:util";
import { CliUsageError, DEV_TOKEN, parsePort } from "@experience-users/fake-server";
import { describeExit } from "@experience-users/mock";
import { type ServedAll, serveAll } from "./serve-all.js";

function options() {
  const { values } = parseArgs({
    options: {
      "mock-port": { type: "string" },
      "fake-port": { type: "string" },
      "docs-port": { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      quiet: { type: "boolean", short: "q", default: false },
    },
  });
  const port = (name: "mock-port" | "fake-port" | "docs-port", fallback: number) => {
    const text = values[name];
    return text === undefined ? fallback : parsePort(text, `--${name}`);
  };
  return {
    host: values.host,
    quiet: values.quiet,
    mockPort: port("mock-port", 4010),
    fakePort: port("fake-port", 4020),
    docsPort: port("docs-port", 4011),
  };
}

let values: ReturnType<typeof options>;
try {
  values = options();
} catch (error) {
  const usage =
    error instanceof CliUsageError ||
    String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
  console.error(`start-all: ${(error as Error).message}`);
  process.exit(usage ? 2 : 1);
}

let served: ServedAll;
try {
  served = await serveAll({
    host: values.host,
    mockPort: values.mockPort,
    fakePort: values.fakePort,
    docsPort: values.docsPort,
    ...(values.quiet ? {} : { log: (service, line) => console.log(`${service}  ${line}`) }),
  });
} catch (error) {
  console.error(
    `start-all: could not start everything (nothing is left running):\n${(error as Error).message}`,
  );
  process.exit(1);
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void served.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

console.log(
  [
    "Experience Users kit:",
    `  mock  ${served.mock.url}   Prism, the spec's examples; invalid requests get the fake's Error`,
    `  fake  ${served.fake.url}   stateful; token: ${DEV_TOKEN} (every scope)`,
    `  docs  ${served.docs.url}`,
    "Ctrl-C stops all three.",
  ].join("\n"),
);

const status = await served.mock.exited;
if (!stopping) {
  stopping = true;
  console.error(`start-all: Prism exited on its own (${describeExit(status)}); stopping`);
  await served.close();
  process.exit(1);
}
