// Fresh process, run with --expose-gc: the heap a stored user costs. Seeds N users
// (scale-users.mjs), collects garbage, and prints the heap growth per user, after seeding and
// again once a sorted list has built the email order, next to the size of the user's JSON as the
// API returns it.
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { seedUsers } from "./scale-users.mjs";

const size = Number(process.argv[2]);
const settledHeap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

const fake = createFakeServer();
const before = settledHeap();
let jsonBytes = 0;
seedUsers(fake, EXAMPLE_APPLICATION_ID, size, (user) => {
  jsonBytes += Buffer.byteLength(JSON.stringify(user));
});
const seeded = settledHeap();
const list = await fake.fetch(
  `/applications/${EXAMPLE_APPLICATION_ID}/experience/users?sortField=email&perPage=1`,
  { headers: { authorization: `Bearer ${fake.token}` } },
);
if (!list.ok) throw new Error(`list: ${list.status}`);
const sorted = settledHeap();
console.log(
  JSON.stringify({
    heapPerUser: (seeded - before) / size,
    heapPerUserSorted: (sorted - before) / size,
    jsonPerUser: jsonBytes / size,
  }),
);
