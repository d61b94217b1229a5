// Fresh process: one client calls "list users" in a closed loop with 10 calls in flight, against
// the canned server, for the given time after a warm-up. Prints calls per second of wall time and
// of CPU time.
import { createRequire } from "node:module";

const [contender, port, ms] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const baseUrl = `http://127.0.0.1:${port}`;
const applicationId = "575ec8687ae143cd83dc4a97";
const CONCURRENCY = 10;

async function makeCall() {
  switch (contender) {
    case "raw-fetch":
    case "raw-fetch-timeout": {
      const url = `${baseUrl}/applications/${applicationId}/experience/users`;
      const headers = { authorization: "Bearer token", accept: "application/json" };
      const timeout = contender === "raw-fetch-timeout";
      return async () => {
        const response = await fetch(url, {
          headers,
          ...(timeout ? { signal: AbortSignal.timeout(30_000) } : {}),
        });
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      };
    }
    case "ours":
    case "ours-no-timeout":
    case "ours-node-transport": {
      const { createClient } = await import("@experience-users/client");
      const { createNodeFetch } = await import("@experience-users/client/node");
      const client = createClient({
        token: "token",
        baseUrl,
        ...(contender === "ours-node-transport" ? { fetch: createNodeFetch() } : {}),
        ...(contender === "ours-no-timeout" ? { timeout: 0 } : {}),
      });
      return () => client.users.list({ applicationId });
    }
    case "official": {
      const losant = createRequire(import.meta.url)("losant-rest");
      const client = losant.createClient({ accessToken: "token", url: baseUrl });
      return () => client.experienceUsers.get({ applicationId });
    }
    default:
      throw new Error(`unknown contender ${contender}`);
  }
}

async function loop(call, until) {
  let calls = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const page = await call();
        if (!Array.isArray(page.items) || page.items.length !== 10) throw new Error("bad page");
        calls++;
      }
    }),
  );
  return calls;
}

const call = await makeCall();
await loop(call, performance.now() + 500);
const cpu = process.cpuUsage();
const start = performance.now();
const calls = await loop(call, start + ms);
const elapsed = performance.now() - start;
const { user, system } = process.cpuUsage(cpu);
// Calls per second of wall time, and per second of this process's CPU time: the second is the
// client's own cost, steadier on a shared machine whose speed drifts.
process.stdout.write(
  JSON.stringify({
    perSecond: (calls * 1000) / elapsed,
    perCpuSecond: (calls * 1e6) / (user + system),
  }),
);
process.exit(0);
