// Fresh process: "list users" (10 users) in a closed loop with 10 calls in flight, for the given
// time after a warm-up, through one of:
//   msw-fake    fetch("https://api.losant.com/...") with msw/node's setupServer in front of the fake
//   msw-static  the same fetch, answered by one MSW handler returning the same JSON (stateless)
//   direct-fake the fake's own fetch handler, called with the same Request (no MSW)
// Prints calls per second of wall time and of CPU time.
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { API_BASE_URL, createHandlers } from "@experience-users/fake-server/msw";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";

const [contender, ms] = [process.argv[2], Number(process.argv[3])];
const CONCURRENCY = 10;
const url = `${API_BASE_URL}/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const headers = { authorization: "Bearer fake-dev-token", accept: "application/json" };

const fake = createFakeServer();
for (let i = 0; i < 10; i++) {
  fake.addUser(EXAMPLE_APPLICATION_ID, { email: `user${i}@example.com`, firstName: "Example" });
}
const page = await (await fake.fetch(new Request(url, { headers }))).json();

let call;
if (contender === "direct-fake") {
  call = () => fake.fetch(new Request(url, { headers }));
} else {
  const handlers =
    contender === "msw-fake"
      ? createHandlers(fake)
      : [
          http.get(`${API_BASE_URL}/applications/:applicationId/experience/users`, () =>
            HttpResponse.json(page),
          ),
        ];
  setupServer(...handlers).listen({ onUnhandledRequest: "error" });
  call = () => fetch(url, { headers });
}

async function loop(until) {
  let calls = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const body = await (await call()).json();
        if (body.items?.length !== 10) throw new Error(`bad page from ${contender}`);
        calls++;
      }
    }),
  );
  return calls;
}

await loop(performance.now() + 500);
const cpu = process.cpuUsage();
const start = performance.now();
const calls = await loop(start + ms);
const elapsed = performance.now() - start;
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    perSecond: (calls * 1000) / elapsed,
    perCpuSecond: (calls * 1e6) / (user + system),
  }),
);
process.exit(0);
