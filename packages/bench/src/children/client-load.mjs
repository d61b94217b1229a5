// Fresh process: one client calls "list users" (an in-process "-get" contender: get one user) in a closed loop with 10 calls in flight, against
// the canned server, for the given time after a warm-up. Prints calls per second of wall time and
// of CPU time.
import { makeCall } from "./contenders.mjs";

const [contender, port, ms] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const baseUrl = `http://127.0.0.1:${port}`;
const CONCURRENCY = 10;

async function loop(call, until) {
  let calls = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const answer = await call();
        const isPage = Array.isArray(answer.items) && answer.items.length === 10;
        if (!isPage && typeof answer.email !== "string") throw new Error("bad answer");
        calls++;
      }
    }),
  );
  return calls;
}

const call = await makeCall(contender, baseUrl);
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
