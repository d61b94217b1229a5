/**
 * `node dist/serve-docs.js [--port|-p N] [--host H]`: serves the built docs page and prints its
 * URL; Ctrl-C (SIGINT) or SIGTERM stops it. The port also comes from `DOCS_PORT`; the default is
 * 4011 on 127.0.0.1, and 0 picks a free port.
 */

import { once } from "node:events";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { createDocsServer, PAGE_FILE } from "./docs-server.js";

const DEFAULT_PORT = 4011;

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    host: { type: "string", default: "127.0.0.1" },
  },
});
const port = Number(values.port ?? process.env.DOCS_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`serve-docs: invalid port ${JSON.stringify(values.port ?? process.env.DOCS_PORT)}`);
  process.exit(2);
}
if (!existsSync(PAGE_FILE)) {
  console.error(`serve-docs: ${PAGE_FILE} does not exist; build it with \`npm run docs\``);
  process.exit(1);
}

const server = createDocsServer(PAGE_FILE).listen(port, values.host);
try {
  await once(server, "listening");
} catch (error) {
  console.error(`serve-docs: cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
  process.exit(1);
}
const { address, port: actualPort } = server.address() as AddressInfo;
const page = relative(process.cwd(), PAGE_FILE);
console.log(`Docs page ${page} on http://${address}:${actualPort}/ (Ctrl-C stops it)`);

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
