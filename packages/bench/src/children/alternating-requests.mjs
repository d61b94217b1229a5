// Fresh process: sends one kind of request alternately to two servers, one request at a time on
// one kept-alive connection to each (the order of each pair alternates too), for the given time
// after a warm-up, so that both see the same machine. Prints, for each side, how many were
// answered and their mean and median time in milliseconds. Every answer must have the expected
// status.
import http from "node:http";

const [first, second, kind, ms] = [
  Number(process.argv[2]),
  Number(process.argv[3]),
  process.argv[4],
  Number(process.argv[5]),
];
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
const headers = {
  authorization: "Bearer bench",
  accept: "application/json",
  ...(spec.body
    ? { "content-type": "application/json", "content-length": Buffer.byteLength(spec.body) }
    : {}),
};
const sides = [first, second].map((port) => ({
  port,
  agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  times: [],
}));

function send(side) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const call = http.request({
      host: "127.0.0.1",
      port: side.port,
      method: spec.method,
      path: spec.path,
      headers,
      agent: side.agent,
    });
    call.once("response", (response) => {
      response.resume();
      response.once("end", () =>
        response.statusCode === spec.status
          ? resolve(performance.now() - started)
          : reject(new Error(`${kind} on ${side.port}: ${response.statusCode}`)),
      );
    });
    call.once("error", reject);
    call.end(spec.body);
  });
}

async function loop(until, record) {
  for (let pair = 0; performance.now() < until; pair++) {
    const order = pair % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const time = await send(side);
      if (record) side.times.push(time);
    }
  }
}

await loop(performance.now() + 300, false);
await loop(performance.now() + ms, true);
const summary = ({ times }) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: times.length,
    meanMs: times.reduce((sum, t) => sum + t, 0) / times.length,
    medianMs: sorted[sorted.length >> 1],
  };
};
process.stdout.write(JSON.stringify(sides.map(summary)));
process.exit(0);
