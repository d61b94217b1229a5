/**
 * `npm start` (after the build): `node dist/start-all.js [--mock-port N] [--fake-port N]
 * [--docs-port N] [--host H] [--quiet]` serves the Prism mock (4010), the stateful fake (4020)
 * and the docs page (4011) in this one process (plus Prism's), prints the three URLs and the
 * fake's development token, and stops all three on Ctrl-C (SIGINT) or SIGTERM.
 */
import { parseArgs } from "node:util";
import { runServerCommand } from "@experience-users/cli-support";
import { DEV_TOKEN, parsePort } from "@experience-users/fake-server";
import { describeExit } from "@experience-users/mock";
import { serveAll } from "./serve-all.js";

await runServerCommand({
  name: "start-all",
  options: () => {
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
  },
  serve: (values) =>
    serveAll({
      host: values.host,
      mockPort: values.mockPort,
      fakePort: values.fakePort,
      docsPort: values.docsPort,
      ...(values.quiet ? {} : { log: (service, line) => console.log(`${service}  ${line}`) }),
    }),
  startFailure: (message) => `could not start everything (nothing is left running):\n${message}`,
  banner: (served) =>
    [
      "Experience Users kit:",
      `  mock  ${served.mock.url}   Prism, the spec's examples; invalid requests get the fake's Error`,
      `  fake  ${served.fake.url}   stateful; token: ${DEV_TOKEN} (every scope)`,
      `  docs  ${served.docs.url}`,
      "Ctrl-C stops all three.",
    ].join("\n"),
  stoppedOnItsOwn: async (served) => {
    const status = await served.mock.exited;
    return { message: `Prism exited on its own (${describeExit(status)}); stopping`, code: 1 };
  },
});
