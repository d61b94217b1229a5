// Fresh process: sends one kind of request to 127.0.0.1:<port>, one at a time on one kept-alive
// connection, for the given time after a warm-up. Prints how many were answered and their mean
// and median time in milliseconds. Every answer must have the expected status.
import http from "node:http";

const [port, kind, ms] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
const users = "/applications/575ec8687ae143cd83dc4a97/experience/users";
const requests = {
  list: { method: "GET", path: `${users}?perPage=10&sortField=email`, status: 200 },
  get: { method: "GET", path: `${users}/575ed78e7ae143cd83dc4aab`, status: 200 },
  create: {
    method: "POST",
    path: users,
    body: JSON.stringify({
      email: "ada@example.com",
      password: "correct horse",
      userTags: { team: "blue" },
    }),
    status: 201,
  },
};
const spec = requests[kind];
if (!spec) throw new Error(`unknown request kind ${kind}`);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const headers = {
  authorization: "Bearer bench",
  accept: "application/json",
  ...(spec.body
    ? { "content-type": "application/json", "content-length": Buffer.byteLength(spec.body) }
    : {}),
};

function once() {
  return new Promise((resolve, reject) => {
    const call = http.request({
      host: "127.0.0.1",
      port,
      method: spec.method,
      path: spec.path,
      headers,
      agent,
    });
    call.once("response", (response) => {
      response.resume();
      response.once("end", () =>
        response.statusCode === spec.status
          ? resolve()
          : reject(new Error(`${kind}: ${response.statusCode}`)),
      );
    });
    call.once("error", reject);
    call.end(spec.body);
  });
}

async function loop(until, times) {
  while (performance.now() < until) {
    const started = performance.now();
    await once();
    times?.push(performance.now() - started);
  }
}

await loop(performance.now() + 300);
const times = [];
await loop(performance.now() + ms, times);
times.sort((a, b) => a - b);
const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
process.stdout.write(
  JSON.stringify({ requests: times.length, meanMs: mean, medianMs: times[times.length >> 1] }),
);
process.exit(0);
