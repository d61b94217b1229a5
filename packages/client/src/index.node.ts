// The package's entry on Node (the `node` export condition): every export of ./index.js, with
// the createClient that sends through the Node transport by default.
export * from "./index.js";
export { createClient } from "./node/create-client.js";
