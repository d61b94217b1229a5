import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFake } from "../src/create-fake-server.js";
import { createFetchHandler } from "../src/http/fetch-handler.js";
import { EXAMPLE_APPLICATION_ID, type FakeServer } from "../src/index.js";
import { overHttp } from "./support/transports.js";

const example = JSON.parse(
  readFileSync(new URL("../fixtures/example.json", import.meta.url), "utf8"),
);
const USERS = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const USER = `${USERS}/58b9d782cbfafe1be675744d`;
const AUTH = ["authorization", "Bearer fake-dev-token"];
const JSON_TYPE = ["content-type", "application/json"];

/** One answer, as bytes on the wire would show it. */
interface Wire {
  status: number;
  contentType: string | null;
  allow: string | null;
  body: string;
}

interface Case {
  description: string;
  method?: string;
  /** The request target exactly as sent over HTTP (not normalized by a client). */
  target: string;
  /** Header fields in order, repeats allowed: [name, value, name, value, ...]. */
  headers?: string[];
  body?: string;
}

const cases: Case[] = [
  { description: "a list", target: USERS },
  {
    description: "a list with typed, sorted, paged parameters",
    target: `${USERS}?perPage=2&page=1&sortField=firstName&sortDirection=desc&includeAncestorGroups=true`,
  },
  { description: "a glob filter", target: `${USERS}?filterField=email&filter=*EXAMPLE*` },
  {
    description: "an advanced query, percent-encoded",
    target: `${USERS}?query=${encodeURIComponent('{"$or":[{"firstName":{"$eq":"ann","$ci":true}},{"userTags":{"$tagKey":"role"}}]}')}`,
  },
  { description: "a query that is not JSON", target: `${USERS}?query=%7Bnope` },
  { description: "a repeated parameter", target: `${USERS}?page=1&page=2` },
  {
    description: "a query string with + and %20",
    target: `${USERS}?filterField=email&filter=a+b%20c`,
  },
  { description: "a user", target: USER },
  {
    description: "a user id in upper case",
    target: USER.toUpperCase()
      .replace("/APPLICATIONS", "/applications")
      .replace("/EXPERIENCE/USERS", "/experience/users"),
  },
  { description: "a percent-encoded user id", target: `${USERS}/%35%38b9d782cbfafe1be675744d` },
  { description: "an unknown user", target: `${USERS}/5a00000000000000000000ff` },
  { description: "a malformed id", target: `${USERS}/..%2F..` },
  {
    description: "dot segments, resolved",
    target: `/applications/x/../${EXAMPLE_APPLICATION_ID}/experience/./users`,
  },
  { description: "a double slash", target: `/${USERS}` },
  { description: "a protocol-relative-looking path", target: `//%zz?x=1` },
  {
    description: "a backslash",
    target: `/applications\\${EXAMPLE_APPLICATION_ID}/experience/users`,
  },
  { description: "characters the URL parser escapes", target: `/caf%C3%A9/"{x}"?q=<'>` },
  { description: "an absolute-form target", target: `http://elsewhere.example${USERS}` },
  { description: "a trailing slash", target: `${USERS}/` },
  { description: "no token", target: USERS, headers: [] },
  {
    description: "two Authorization fields (joined, so no longer one token)",
    target: USERS,
    headers: [...AUTH, ...AUTH],
  },
  {
    description: "the scheme in lower case",
    target: USERS,
    headers: ["authorization", "bearer fake-dev-token"],
  },
  {
    description: "an Accept-Version header parameter",
    target: USERS,
    headers: [...AUTH, "Accept-Version", "^1.20.1"],
  },
  { description: "HEAD", method: "HEAD", target: USERS },
  { description: "a method the path does not allow", method: "PUT", target: USER },
  { description: "OPTIONS", method: "OPTIONS", target: USERS },
  {
    description: "a body that is not JSON",
    method: "POST",
    target: USERS,
    headers: [...AUTH, ...JSON_TYPE],
    body: '{"email": ',
  },
  {
    description: "a body that is not application/json",
    method: "POST",
    target: USERS,
    headers: [...AUTH, "content-type", "text/plain"],
    body: "{}",
  },
  {
    description: "a body with every violation",
    method: "POST",
    target: USERS,
    headers: [...AUTH, ...JSON_TYPE],
    body: JSON.stringify({ email: "nope", password: "short", extra: 1 }),
  },
  {
    description: "no body where one is required",
    method: "POST",
    target: USERS,
    headers: [...AUTH, ...JSON_TYPE],
  },
  {
    description: "an email that is taken",
    method: "POST",
    target: USERS,
    headers: [...AUTH, "content-type", "application/merge-patch+json; charset=utf-8"],
    body: JSON.stringify({ email: "EXPERIENCEUSER@example.com", password: "password-1" }),
  },
  {
    description: "a patch that changes nothing valid",
    method: "PATCH",
    target: USER,
    headers: [...AUTH, ...JSON_TYPE],
    body: JSON.stringify({ experienceGroupIds: ["5a00000000000000000000ff"] }),
  },
];

function sendRaw(url: string, c: Case): Promise<Wire & { contentLength: string | undefined }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method: c.method ?? "GET",
        path: c.target,
        headers: ["host", `${hostname}:${port}`, ...(c.headers ?? AUTH)],
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"] ?? null,
            allow: (res.headers.allow as string | undefined) ?? null,
            contentLength: res.headers["content-length"],
            body,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(c.body);
  });
}

async function sendInProcess(handle: (r: Request) => Promise<Response>, c: Case): Promise<Wire> {
  const headers = new Headers();
  const fields = c.headers ?? AUTH;
  for (let i = 0; i < fields.length; i += 2)
    headers.append(fields[i] as string, fields[i + 1] as string);
  const url = /^https?:/.test(c.target) ? c.target : `http://fake.local${c.target}`;
  const response = await handle(
    new Request(url, {
      method: c.method ?? "GET",
      headers,
      ...(c.body === undefined ? {} : { body: c.body }),
    }),
  );
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    allow: response.headers.get("allow"),
    body: await response.text(),
  };
}

describe("the node:http listener answers exactly as the fetch handler", () => {
  let fake: FakeServer;
  let handle: (request: Request) => Promise<Response>;
  let served: ReturnType<typeof overHttp.serve>;
  let url: string;

  beforeAll(async () => {
    const built = buildFake({ fixture: example, validateResponses: true, now: () => new Date(0) });
    fake = built.fake;
    handle = createFetchHandler(built.dispatch);
    served = overHttp.serve(built.dispatch);
    url = (await served.send("/", {})).url;
  });
  afterAll(async () => {
    await served.close();
    expect(fake.faults).toEqual([]);
  });

  it.each(cases)("$description", async (c) => {
    const [wire, inProcess] = [await sendRaw(url, c), await sendInProcess(handle, c)];
    const { contentLength, ...answer } = wire;
    expect(answer).toEqual(inProcess);
    expect(answer.contentType).toBe("application/json; charset=utf-8");
    if (c.method === "HEAD") expect(answer.body).toBe("");
    else expect(contentLength).toBe(String(Buffer.byteLength(answer.body)));
  });

  it("a user created over HTTP reads the same both ways", async () => {
    const created = await sendRaw(url, {
      description: "create",
      method: "POST",
      target: USERS,
      headers: [...AUTH, ...JSON_TYPE],
      body: JSON.stringify({ email: "new@example.com", password: "password-1", firstName: "Néo" }),
    });
    expect(created.status).toBe(201);
    const target = `${USERS}/${(JSON.parse(created.body) as { id: string }).id}`;
    const read = { description: "read", target };
    const { contentLength: _, ...wire } = await sendRaw(url, read);
    expect(wire).toEqual(await sendInProcess(handle, read));
    expect(JSON.parse(wire.body)).toEqual(JSON.parse(created.body));
  });
});
