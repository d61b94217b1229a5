/**
 * `node dist/start-mock.js [--dynamic|-d] [--port|-p N] [--host H]`: starts the Prism mock of the
 * spec, prints its URL once it accepts connections, and stops it on Ctrl-C (SIGINT) or SIGTERM.
 * The port also comes from `MOCK_PORT`; the default is 4010 on 127.0.0.1.
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_HOST, DEFAULT_PORT, SPEC_FILE } from "./prism-command.js";
import { describeExit, startPrism } from "./start-prism.js";

const { values } = parseArgs({
  options: {
    dynamic: { type: "boolean", short: "d", default: false },
    port: { type: "string", short: "p" },
    host: { type: "string", default: DEFAULT_HOST },
  },
});
const port = Number(values.port ?? process.env.MOCK_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`start-mock: invalid port ${JSON.stringify(values.port ?? process.env.MOCK_PORT)}`);
  process.exit(2);
}

let prism: Awaited<ReturnType<typeof startPrism>>;
try {
  prism = await startPrism({ host: values.host, port, dynamic: values.dynamic });
} catch (error) {
  console.error(`start-mock: ${(error as Error).message}`);
  process.exit(1);
}

let stopping = false;
const stop = () => {
  stopping = true;
  void prism.stop().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const mode = values.dynamic
  ? "dynamic (generated from the schemas)"
  : "static (the spec's examples)";
const spec = relative(process.cwd(), SPEC_FILE);
console.log(`Prism mock of ${spec} on ${prism.url}, ${mode} responses. Ctrl-C stops it.`);

const status = await prism.exited;
if (!stopping) {
  console.error(`start-mock: Prism exited on its own (${describeExit(status)})`);
  process.exit(status.code || 1);
}
