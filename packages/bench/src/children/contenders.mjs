// The clients the benchmarks compare, each as a function that lists the users of the example
// application once and resolves to the parsed page. Shared by client-load.mjs and fixed-calls.mjs.
import { createRequire } from "node:module";

const applicationId = "575ec8687ae143cd83dc4a97";
const path = `/applications/${applicationId}/experience/users`;
const headers = { authorization: "Bearer token", accept: "application/json" };

/**
 * @param {string} contender raw-fetch | raw-fetch-timeout | openapi-fetch | ours | ours-no-timeout | ours-global-fetch | official,
 *   or an in-process fake: msw-fake | msw-static | fake-direct, or msw-fake-get | fake-direct-get
 *   (one user instead of the list; see in-process-fakes.mjs)
 * @param {string} baseUrl the server's (unused by the in-process fakes)
 * @param {{ timeout?: number }} [options] a timeout for our client (default: the contender's own)
 */
export async function makeCall(contender, baseUrl, options = {}) {
  switch (contender) {
    case "raw-fetch":
    case "raw-fetch-timeout": {
      const timeout = contender === "raw-fetch-timeout";
      return async () => {
        const response = await fetch(`${baseUrl}${path}`, {
          headers,
          ...(timeout ? { signal: AbortSignal.timeout(30_000) } : {}),
        });
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      };
    }
    case "openapi-fetch": {
      const createFetchClient = (await import("openapi-fetch")).default;
      const client = createFetchClient({ baseUrl, headers });
      return async () =>
        (
          await client.GET("/applications/{applicationId}/experience/users", {
            params: { path: { applicationId } },
          })
        ).data;
    }
    case "ours":
    case "ours-no-timeout":
    case "ours-global-fetch": {
      // On Node the package's `node` entry is loaded: with no `fetch` option, the Node transport.
      const { createClient } = await import("@experience-users/client");
      const timeout = options.timeout ?? (contender === "ours-no-timeout" ? 0 : undefined);
      const client = createClient({
        token: "token",
        baseUrl,
        ...(contender === "ours-global-fetch" ? { fetch: globalThis.fetch } : {}),
        ...(timeout === undefined ? {} : { timeout }),
      });
      return () => client.users.list({ applicationId });
    }
    case "official": {
      const losant = createRequire(import.meta.url)("losant-rest");
      const client = losant.createClient({ accessToken: "token", url: baseUrl });
      return () => client.experienceUsers.get({ applicationId });
    }
    case "msw-fake":
    case "msw-static":
    case "fake-direct":
    case "msw-fake-get":
    case "fake-direct-get":
      return (await import("./in-process-fakes.mjs")).makeInProcessCall(contender);
    default:
      throw new Error(`unknown contender ${contender}`);
  }
}
