// Fresh process: one client makes exactly N "list users" calls (10 in flight) against the canned
// server, then exits. Run under callgrind twice with different N, the difference of the
// instruction counts is the client's cost for the extra calls, start-up excluded.
import { makeCall } from "./contenders.mjs";

const [contender, port, total] = [
  process.argv[2],
  Number(process.argv[3]),
  Number(process.argv[4]),
];
const baseUrl = `http://127.0.0.1:${port}`;

const call = await makeCall(contender, baseUrl, { timeout: 0 });
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
