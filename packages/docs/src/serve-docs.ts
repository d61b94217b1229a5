/**
 * `node dist/serve-docs.js [--port|-p N] [--host H]`: serves the built docs page and prints its
 * URL; Ctrl-C (SIGINT) or SIGTERM stops it. The port also comes from `DOCS_PORT`; the default is
 * 4011 on 127.0.0.1, and 0 picks a free port.
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { CliUsageError, portOption } from "@experience-users/fake-server";
import { PAGE_FILE } from "./docs-server.js";
import { DEFAULT_PORT, type ServedDocs, serveDocs } from "./serve-docs-page.js";

function options() {
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
}

let served: ServedDocs;
try {
  const { host, port } = options();
  served = await serveDocs({ host, port });
} catch (error) {
  const usage =
    error instanceof CliUsageError ||
    String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
  console.error(`serve-docs: ${(error as Error).message}`);
  process.exit(usage ? 2 : 1);
}
console.log(`Docs page ${relative(process.cwd(), PAGE_FILE)} on ${served.url} (Ctrl-C stops it)`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void served.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
