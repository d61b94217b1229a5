// The HTTP fake in a child process started with --expose-gc, so a load test can read its heap
// after a full collection. Prints its port; answers "memory" messages with heap figures.
import { serveFakeServer } from "@experience-users/fake-server";

const served = await serveFakeServer({ port: 0, host: "127.0.0.1", log: () => {} });
process.send?.({ port: served.port });
process.on("message", (message) => {
  if (message === "memory") {
    globalThis.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    process.send?.({ heapUsed, rss });
  }
  if (message === "stop") served.close().then(() => process.exit(0));
});
