/**
 * `node dist/start-mock.js [--dynamic|-d] [--port|-p N] [--host H] [--quiet]`: serves the mock
 * (the guard, with Prism behind it), prints its URL once it accepts requests and one line per
 * request, and stops it on Ctrl-C (SIGINT) or SIGTERM. The port also comes from `MOCK_PORT`; the
 * default is 4010 on 127.0.0.1, and 0 picks a free port.
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { CliUsageError, portOption } from "@experience-users/fake-server";
import { DEFAULT_HOST, DEFAULT_PORT, SPEC_FILE } from "./prism-command.js";
import { type RunningMock, serveMock } from "./serve-mock.js";
import { describeExit } from "./start-prism.js";

function options() {
  const { values } = parseArgs({
    options: {
      dynamic: { type: "boolean", short: "d", default: false },
      port: { type: "string", short: "p" },
      host: { type: "string", default: DEFAULT_HOST },
      quiet: { type: "boolean", short: "q", default: false },
    },
  });
  return { ...values, port: portOption(values.port, process.env, "MOCK_PORT", DEFAULT_PORT) };
}

let values: ReturnType<typeof options>;
try {
  values = options();
} catch (error) {
  const usage =
    error instanceof CliUsageError ||
    String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
  console.error(`start-mock: ${(error as Error).message}`);
  process.exit(usage ? 2 : 1);
}

let mock: RunningMock;
try {
  mock = await serveMock({
    host: values.host,
    port: values.port,
    dynamic: values.dynamic,
    ...(values.quiet ? {} : { log: (line: string) => console.log(line) }),
  });
} catch (error) {
  console.error(`start-mock: ${(error as Error).message}`);
  process.exit(1);
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void mock.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const mode = values.dynamic
  ? "dynamic (generated from the schemas)"
  : "static (the spec's examples)";
const spec = relative(process.cwd(), SPEC_FILE);
console.log(`Prism mock of ${spec} on ${mock.url}, ${mode} responses. Ctrl-C stops it.`);

const status = await mock.exited;
if (!stopping) {
  console.error(`start-mock: Prism exited on its own (${describeExit(status)})`);
  await mock.close();
  process.exit(status.code || 1);
}
