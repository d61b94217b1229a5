// The stateful fake over HTTP in its own process, seeded with 20 users whose ids are pinned
// (000000000000000000000001 ...), so that a list answers a page of 20. Prints its port.
import { EXAMPLE_APPLICATION_ID, serveFakeServer } from "@experience-users/fake-server";
import "./report-cpu.mjs";

const SEEDED_USERS = 20;
const fixture = {
  applications: [
    {
      id: EXAMPLE_APPLICATION_ID,
      users: Array.from({ length: SEEDED_USERS }, (_, i) => ({
        id: (i + 1).toString(16).padStart(24, "0"),
        email: `user${i}@example.com`,
        firstName: "Example",
        lastName: "Name",
        userTags: { customKey: "customValue" },
      })),
    },
  ],
};
const served = await serveFakeServer({ port: 0, host: "127.0.0.1", fixture });
process.stdout.write(`${new URL(served.url).port}\n`);
process.on("SIGTERM", () => served.close().then(() => process.exit(0)));
