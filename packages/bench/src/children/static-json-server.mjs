// A bare node:http server answering two paths with fixed JSON bodies (read from a file given as
// argument): the physical limit of this machine for the same answers.
import { readFileSync } from "node:fs";
import http from "node:http";
import "./report-cpu.mjs";

const routes = JSON.parse(readFileSync(process.argv[2], "utf8"));
const bodies = new Map(
  Object.entries(routes).map(([path, body]) => [path, Buffer.from(JSON.stringify(body))]),
);
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const body = bodies.get(req.url.split("?")[0]);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
