import {
  AbortError,
  ApiError,
  createClient,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
} from "@experience-users/client";
import { createNodeFetch } from "@experience-users/client/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Behaviour, startMisbehavingServer } from "./support/misbehaving-server.js";

const APP = "575ec8687ae143cd83dc4a97";
const USER = "575ed78e7ae143cd83dc4aab";
let server: Awaited<ReturnType<typeof startMisbehavingServer>>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const nodeFetch = createNodeFetch();

beforeAll(async () => {
  server = await startMisbehavingServer();
  process.on("unhandledRejection", onUnhandled);
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  nodeFetch.close();
  await server.close();
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

const faults: {
  description: string;
  behaviour: Behaviour;
  expected: new (...args: never[]) => Error;
  fields?: object;
}[] = [
  {
    description: "200 with an empty body",
    behaviour: (_req, res) => res.end(),
    expected: UnexpectedResponseError,
    fields: { status: 200 },
  },
  {
    description: "204 No Content",
    behaviour: (_req, res) => {
      res.statusCode = 204;
      res.end();
    },
    expected: UnexpectedResponseError,
    fields: { status: 204 },
  },
  {
    description: "200 with a body that is not JSON",
    behaviour: (_req, res) => res.end("<html>oops</html>"),
    expected: UnexpectedResponseError,
  },
  {
    description: "HTML 502 from a proxy",
    behaviour: (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>502 Bad Gateway</body></html>");
    },
    expected: ApiError,
    fields: { status: 502, body: undefined, text: "<html><body>502 Bad Gateway</body></html>" },
  },
  {
    description: "a JSON array as an error body",
    behaviour: json(500, [1, 2]),
    expected: ApiError,
    fields: { status: 500, body: undefined },
  },
  {
    description: "connection reset before any answer",
    behaviour: (req) => req.socket.destroy(),
    expected: NetworkError,
  },
  {
    description: "connection reset in the middle of the body",
    behaviour: (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"items": [');
      setImmediate(() => req.socket.destroy());
    },
    expected: NetworkError,
  },
  {
    description: "a stalled answer past the timeout",
    behaviour: () => {},
    expected: TimeoutError,
    fields: { timeout: 200 },
  },
  {
    description: "headers sent, then a stalled body past the timeout",
    behaviour: (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
    },
    expected: TimeoutError,
  },
];

const transports = [
  { name: "global fetch", fetch: undefined },
  { name: "createNodeFetch()", fetch: nodeFetch },
];

describe.each(transports)("client faults over $name", ({ fetch }) => {
  const client = () =>
    createClient({ token: "t", baseUrl: server.url, timeout: 200, ...(fetch ? { fetch } : {}) });

  it.each(faults)("$description becomes a typed error", async ({ behaviour, expected, fields }) => {
    server.set(behaviour);
    const error = await client()
      .users.list({ applicationId: APP })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(expected);
    if (fields) expect(error).toMatchObject(fields);
    expect(unhandled).toEqual([]);
  });

  it("an aborted request becomes an AbortError with the reason", async () => {
    server.set(() => {});
    const controller = new AbortController();
    const pending = client().users.get(
      { applicationId: APP, experienceUserId: USER },
      { signal: controller.signal, timeout: 0 },
    );
    setTimeout(() => controller.abort(new Error("navigated away")), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toEqual(new Error("navigated away"));
    expect(unhandled).toEqual([]);
  });

  it("retries an idempotent call after 503 with Retry-After, then succeeds", async () => {
    let calls = 0;
    server.set((req, res) => {
      calls++;
      if (calls < 3)
        json(503, { type: "Unavailable", message: "busy" }, { "retry-after": "0" })(req, res);
      else json(200, { id: USER })(req, res);
    });
    const retrying = createClient({
      token: "t",
      baseUrl: server.url,
      retry: 3,
      ...(fetch ? { fetch } : {}),
    });
    await expect(
      retrying.users.get({ applicationId: APP, experienceUserId: USER }),
    ).resolves.toEqual({ id: USER });
    expect(calls).toBe(3);
  });

  it("never retries a create, even when retries are on", async () => {
    server.set(json(503, { type: "Unavailable", message: "busy" }, { "retry-after": "0" }));
    const retrying = createClient({
      token: "t",
      baseUrl: server.url,
      retry: 5,
      ...(fetch ? { fetch } : {}),
    });
    await expect(
      retrying.users.create(
        { applicationId: APP },
        { email: "a@example.com", password: "aUserPassword" },
      ),
    ).rejects.toMatchObject({ status: 503 });
    expect(server.requests()).toBe(1);
  });

  it("bounds retries of a server that always answers 429", async () => {
    server.set(
      json(429, { type: "TooManyRequests", message: "slow down" }, { "retry-after": "0" }),
    );
    const retrying = createClient({
      token: "t",
      baseUrl: server.url,
      retry: 4,
      ...(fetch ? { fetch } : {}),
    });
    await expect(retrying.users.list({ applicationId: APP })).rejects.toMatchObject({
      status: 429,
    });
    expect(server.requests()).toBe(5);
  });
});

describe("a refused connection", () => {
  it("becomes a NetworkError", async () => {
    const client = createClient({ token: "t", baseUrl: "http://127.0.0.1:9", timeout: 2_000 });
    await expect(client.users.list({ applicationId: APP })).rejects.toBeInstanceOf(NetworkError);
  });
});
