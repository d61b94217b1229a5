import { buildClient, type ClientOptions, type ExperienceUsersClient } from "./client.js";
import { platformFetch } from "./transport.js";

const defaults = { transport: () => platformFetch };

/**
 * Creates a client for the Experience Users API. This build (browsers, Deno, Bun, workers) sends
 * through `globalThis.fetch` unless `fetch` says otherwise; on Node the package's `node` entry
 * sends through the Node transport.
 *
 * @example
 * const client = createClient({ token: process.env.LOSANT_API_TOKEN! });
 * const { items } = await client.users.list({ applicationId: "575ec8687ae143cd83dc4a97" });
 */
export function createClient(options: ClientOptions): ExperienceUsersClient {
  return buildClient(options, defaults);
}
