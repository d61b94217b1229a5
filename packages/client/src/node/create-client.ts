import { buildClient, type ClientOptions, type ExperienceUsersClient } from "../client.js";
import { VERSION } from "../generated/version.gen.js";
import { defaultNodeTransport } from "./default-transport.js";

const defaults = {
  transport: defaultNodeTransport,
  userAgent: `experience-users-client/${VERSION}`,
};

/**
 * Creates a client for the Experience Users API. On Node (this build, the package's `node`
 * entry) a client without a `fetch` option sends through the Node transport (undici), or through
 * `globalThis.fetch` whenever something replaced it (MSW's `setupServer()`, a test double), and
 * sends `User-Agent: experience-users-client/<version>`.
 *
 * @example
 * const client = createClient({ token: process.env.LOSANT_API_TOKEN! });
 * const { items } = await client.users.list({ applicationId: "575ec8687ae143cd83dc4a97" });
 */
export function createClient(options: ClientOptions): ExperienceUsersClient {
  return buildClient(options, defaults);
}
