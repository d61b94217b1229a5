/**
 * The package's entry under the `node` export condition: the Web-platform core of `index.ts` plus
 * the HTTP mode, which needs node:http. The package's types are this file's, for every condition.
 */
export * from "./index.js";
export {
  type ServedFakeServer,
  type ServeFakeServerOptions,
  serveFakeServer,
} from "./serve-fake-server.js";
