// A bare node:http server answering every request with the same Experience Users page: the
// physical limit of this machine for an HTTP JSON answer. Prints its port.
import http from "node:http";

const user = (i) => ({
  id: "58b9d782cbfafe1be675744d",
  experienceUserId: "58b9d782cbfafe1be675744d",
  applicationId: "575ec8687ae143cd83dc4a97",
  creationDate: "2016-06-13T04:00:00.000Z",
  lastUpdated: "2016-06-13T04:00:00.000Z",
  email: `user${i}@example.com`,
  firstName: "Example",
  lastName: "Name",
  userTags: { customKey: "customValue" },
});
const body = JSON.stringify({
  items: Array.from({ length: 10 }, (_, i) => user(i)),
  count: 10,
  totalCount: 10,
  perPage: 10,
  page: 0,
  sortField: "email",
  sortDirection: "asc",
  applicationId: "575ec8687ae143cd83dc4a97",
});
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
