/**
 * `node dist/start-mock.js [--dynamic|-d] [--port|-p N] [--host H] [--quiet]`: serves the mock
 * (the guard, with Prism behind it), prints its URL once it accepts requests and one line per
 * request, and stops it on Ctrl-C (SIGINT) or SIGTERM. The port also comes from `MOCK_PORT`; the
 * default is 4010 on 127.0.0.1, and 0 picks a free port.
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { runServerCommand } from "@experience-users/cli-support";
import { portOption } from "@experience-users/fake-server";
import { DEFAULT_HOST, DEFAULT_PORT, SPEC_FILE } from "./prism-command.js";
import { serveMock } from "./serve-mock.js";
import { describeExit } from "./start-prism.js";

await runServerCommand({
  name: "start-mock",
  options: () => {
    const { values } = parseArgs({
      options: {
        dynamic: { type: "boolean", short: "d", default: false },
        port: { type: "string", short: "p" },
        host: { type: "string", default: DEFAULT_HOST },
        quiet: { type: "boolean", short: "q", default: false },
      },
    });
    return { ...values, port: portOption(values.port, process.env, "MOCK_PORT", DEFAULT_PORT) };
  },
  serve: (values) =>
    serveMock({
      host: values.host,
      port: values.port,
      dynamic: values.dynamic,
      ...(values.quiet ? {} : { log: (line: string) => console.log(line) }),
    }),
  banner: (mock, values) => {
    const mode = values.dynamic
      ? "dynamic (generated from the schemas)"
      : "static (the spec's examples)";
    const spec = relative(process.cwd(), SPEC_FILE);
    return `Prism mock of ${spec} on ${mock.url}, ${mode} responses. Ctrl-C stops it.`;
  },
  stoppedOnItsOwn: async (mock) => {
    const status = await mock.exited;
    return { message: `Prism exited on its own (${describeExit(status)})`, code: status.code || 1 };
  },
});
