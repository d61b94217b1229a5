// Fresh process: one client makes exactly N "list users" calls (10 in flight) against the canned
// server, then exits. Run under callgrind twice with different N, the difference of the
// instruction counts is the client's cost for the extra calls, start-up excluded.
import { createRequire } from "node:module";

const [contender, port, total] = [
  process.argv[2],
  Number(process.argv[3]),
  Number(process.argv[4]),
];
const baseUrl = `http://127.0.0.1:${port}`;
const applicationId = "575ec8687ae143cd83dc4a97";
const path = `/applications/${applicationId}/experience/users`;
const headers = { authorization: "Bearer token", accept: "application/json" };

async function makeCall() {
  switch (contender) {
    case "raw-fetch":
      return async () => (await fetch(`${baseUrl}${path}`, { headers })).json();
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
    case "ours-node-transport": {
      const { createClient } = await import("@experience-users/client");
      const { createNodeFetch } = await import("@experience-users/client/node");
      const fetch = contender === "ours-node-transport" ? { fetch: createNodeFetch() } : {};
      const client = createClient({ token: "token", baseUrl, timeout: 0, ...fetch });
      return () => client.users.list({ applicationId });
    }
    case "official": {
      const client = createRequire(import.meta.url)("losant-rest").createClient({
        accessToken: "token",
        url: baseUrl,
      });
      return () => client.experienceUsers.get({ applicationId });
    }
    default:
      throw new Error(`unknown contender ${contender}`);
  }
}

const call = await makeCall();
let started = 0;
await Promise.all(
  Array.from({ length: 10 }, async () => {
    while (started < total) {
      started++;
      const page = await call();
      if (!Array.isArray(page.items)) throw new Error("bad page");
    }
  }),
);
process.exit(0);
