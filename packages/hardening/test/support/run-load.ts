/** `npm run load -w @experience-users/hardening`: the full 30 s load run; prints its figures. */
import { runLoad } from "./load.js";

const seconds = Number(process.argv[2] ?? 30);
const concurrency = Number(process.argv[3] ?? 50);
const figures = await runLoad(seconds, concurrency);
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
console.log(JSON.stringify(figures, null, 2));
console.log(
  `${figures.requests} requests in ${figures.seconds.toFixed(1)} s (${Math.round(figures.perSecond)}/s) from ${concurrency} concurrent clients; ` +
    `statuses ${JSON.stringify(figures.statuses)}; ${figures.errors} errors; heap after GC ${mb(figures.heapBefore)} -> ${mb(figures.heapAfter)}`,
);
if (figures.errors > 0 || Object.keys(figures.statuses).some((s) => Number(s) >= 500))
  process.exit(1);
