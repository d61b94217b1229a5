import { platformFetch, type Transport } from "../transport.js";
import { createNodeFetch, type NodeFetch } from "./create-node-fetch.js";

const loaded = globalThis.fetch;
// Node's own fetch is a small wrapper that loads its bundled undici; a fetch that is not (a mock,
// an instrumentation, MSW's interceptor installed before this module loaded) is deferred to.
const loadedIsNodes =
  typeof loaded === "function" &&
  Function.prototype.toString.call(loaded).includes("internal/deps/undici");
const isNode =
  typeof process === "object" &&
  typeof process.versions?.node === "string" &&
  !("bun" in process.versions) &&
  !("deno" in process.versions);

let shared: NodeFetch | undefined;

/**
 * The transport of a client created without a `fetch` option on Node: the Node transport
 * (shared by every such client, created on first use), unless `globalThis.fetch` is no longer
 * Node's own, as when MSW's `setupServer()`, a test double or an instrumentation replaced it; then
 * `globalThis.fetch`, checked on every call, so the replacement sees every request.
 */
export function defaultNodeTransport(): Transport {
  if (globalThis.fetch !== loaded || !loadedIsNodes || !isNode) return platformFetch;
  shared ??= createNodeFetch();
  return shared;
}
