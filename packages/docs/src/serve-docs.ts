/**
 * `node dist/serve-docs.js [--port|-p N] [--host H]`: serves the built docs page and prints its
 * URL; Ctrl-C (SIGINT) or SIGTERM stops it. The port also comes from `DOCS_PORT`; the default is
 * 4011 on 127.0.0.1, and 0 picks a free port.
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { runServerCommand } from "@experience-users/cli-support";
import { portOption } from "@experience-users/fake-server";
import { PAGE_FILE } from "./docs-server.js";
import { DEFAULT_PORT, serveDocs } from "./serve-docs-page.js";

await runServerCommand({
  name: "serve-docs",
  options: () => {
    const { values } = parseArgs({
      options: {
        port: { type: "string", short: "p" },
        host: { type: "string", default: "127.0.0.1" },
      },
    });
    return {
      host: values.host,
      port: portOption(values.port, process.env, "DOCS_PORT", DEFAULT_PORT),
    };
  },
  serve: (options) => serveDocs(options),
  banner: (served) =>
    `Docs page ${relative(process.cwd(), PAGE_FILE)} on ${served.url} (Ctrl-C stops it)`,
});
