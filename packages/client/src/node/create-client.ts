import {
  buildClient,
  type ClientOptions,
  type ExperienceUsersClient,
  type PlatformDefaults,
} from "../client.js";
import { VERSION } from "../generated/version.gen.js";
import { defaultNodeTransport } from "./default-transport.js";
import { LightRequest } from "./light-request.js";
import { nodeTransportFailure } from "./transport-failure.js";

const defaults: PlatformDefaults = {
  transport: defaultNodeTransport,
  userAgent: `experience-users-client/${VERSION}`,
  transportFailure: nodeTransportFailure,
  // A transport that carries a Request class (the Node transport, undici's fetch) gets its
  // requests built with that class, by a second inner client made on first use.
  clientFor: (standard, make, options) => {
    let light: ReturnType<typeof make> | undefined;
    return (transport) => {
      if (transport.Request === undefined) return standard;
      light ??= make(
        transport.Request === LightRequest
          ? // The Node transport's requests carry the client's fixed headers as a list checked once.
            {
              ...options,
              headers: {},
              Request: LightRequest.withHeaders(options.headers) as unknown as typeof Request,
            }
          : { ...options, Request: transport.Request as typeof Request },
      );
      return light;
    };
  },
};

/**
 * Creates a client for the Experience Users API. On Node (this build, the package's `node`
 * entry) a client without a `fetch` option sends through the Node transport (undici), or through
 * `globalThis.fetch` whenever something replaced it (MSW's `setupServer()`, a test double), and
 * sends `User-Agent: experience-users-client/<version>`. A `fetch` that carries a `Request` class
 * (undici's `fetch` with its `Request`) gets its requests built with that class.
 *
 * @example
 * const client = createClient({ token: process.env.LOSANT_API_TOKEN! });
 * const { items } = await client.users.list({ applicationId: "575ec8687ae143cd83dc4a97" });
 */
export function createClient(options: ClientOptions): ExperienceUsersClient {
  return buildClient(options, defaults);
}
