/**
 * The package's entry under the `node` export condition: the Web-platform core of `index.ts` plus
 * the HTTP mode, which needs node:http, and the command line's port rule (node:util). The package's types are this file's, for every condition.
 */
export { parsePort, portOption } from "./cli-options.js";
export { CliUsageError } from "./cli-usage-error.js";
export * from "./index.js";
export {
  type ServedFakeServer,
  type ServeFakeServerOptions,
  serveFakeServer,
} from "./serve-fake-server.js";
