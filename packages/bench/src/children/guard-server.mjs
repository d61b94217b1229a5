// The mock's guard in its own process, in front of the Prism on the port given as argument.
// Prints its port; then, for each line "cpu" read on stdin, prints this process's CPU time so far
// (microseconds), so the bench can tell what the guard itself spent on a round of requests.
import { createInterface } from "node:readline";
import { createGuard } from "@experience-users/mock";

const guard = createGuard({ upstream: { host: "127.0.0.1", port: Number(process.argv[2]) } });
guard.keepAliveTimeout = 60_000;
guard.listen(0, "127.0.0.1", () => process.stdout.write(`${guard.address().port}\n`));
createInterface({ input: process.stdin }).on("line", () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${user + system}\n`);
});
process.on("SIGTERM", () => guard.close(() => process.exit(0)));
