import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import {
  AbortError,
  ApiError,
  type ClientOptions,
  createClient,
  DEFAULT_ACCEPT_VERSION,
  type ExperienceUsersClient,
  NetworkError,
  ResponseTooLargeError,
  type RetryEvent,
  TimeoutError,
  UnexpectedResponseError,
} from "@experience-users/client";
import { createNodeFetch } from "@experience-users/client/node";
import { Request as UndiciRequest, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createClient as createPlatformClient } from "../dist/index.js";
import { APP, experienceUser, USER_ID, usersPage } from "./support/fixtures.js";
import { startForwardProxy } from "./support/forward-proxy.js";
import {
  type Behaviour,
  type MisbehavingServer,
  startMisbehavingServer,
} from "./support/misbehaving-server.js";

const ID = USER_ID;
const TOKEN = "secret-token-9f8e7d";
const PASSWORD = "correct horse battery";
const USER = experienceUser("ada@example.com");
const PAGE = usersPage([USER]);
const NOT_FOUND = { type: "NotFound", message: "Experience user was not found" };
const BUSY = { type: "ServiceUnavailable", message: "busy" };

/**
 * The transports every case runs on: the three a caller can end up with on Node, and the
 * platform build (what browsers and workers get: the `browser` export condition) on global fetch.
 */
const transports = [
  { name: "the Node transport (the default on Node)", kind: "node", fetch: undefined },
  {
    name: "the platform build (browsers, workers) on global fetch",
    kind: "platform",
    fetch: undefined,
  },
  { name: "global fetch", kind: "fetch", fetch: globalThis.fetch },
  {
    name: "a fetch the caller passes (undici's, with its Request class)",
    kind: "fetch",
    // The client builds undici's own Requests for it (the fetch carries the class); the casts
    // only bridge undici's type names for them and its Responses.
    fetch: Object.assign(
      (request: Request) =>
        undiciFetch(request as unknown as UndiciRequest) as unknown as Promise<Response>,
      { Request: UndiciRequest },
    ),
  },
] as const;

type Kind = (typeof transports)[number]["kind"];

interface Env {
  main: MisbehavingServer;
  other: MisbehavingServer;
  retries: RetryEvent[];
}

interface Case {
  description: string;
  /** The transports it applies to (transport options only the Node transport has). */
  only?: readonly Kind[];
  /** Environment variables set for the case (and restored after it). */
  env?: () => Record<string, string>;
  /** How the API's server answers. */
  behaviour: Behaviour;
  /** How a second origin (another port) answers. */
  other?: Behaviour;
  options?: (env: Env) => Partial<ClientOptions>;
  call?: (client: ExperienceUsersClient, env: Env) => Promise<unknown>;
  expected:
    | { value: unknown }
    | { error: abstract new (...args: never[]) => Error; fields?: Record<string, unknown> };
  check?: (env: Env) => void;
}

const list = (client: ExperienceUsersClient) => client.users.list({ applicationId: APP });
const get = (client: ExperienceUsersClient) =>
  client.users.get({ applicationId: APP, experienceUserId: ID });
const create = (client: ExperienceUsersClient) =>
  client.users.create({ applicationId: APP }, { email: USER.email, password: PASSWORD });

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour =>
  ({ res }) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

const encoded =
  (status: number, body: unknown, coding: string, encode: (b: Buffer) => Buffer): Behaviour =>
  ({ res }) => {
    res.writeHead(status, { "content-type": "application/json", "content-encoding": coding });
    res.end(encode(Buffer.from(JSON.stringify(body))));
  };

const redirect =
  (status: number, location: () => string, then: Behaviour): Behaviour =>
  (exchange) => {
    if (exchange.req.url?.startsWith("/moved")) return then(exchange);
    exchange.res.writeHead(status, { location: location() });
    exchange.res.end();
  };

/**
 * A server that tells each connection `Keep-Alive: timeout=1` and treats it as closed once that
 * second has passed: a request that still arrives on it gets the connection reset, unanswered
 * (what a client sees when its request crosses the server's close).
 */
function closesHintedConnections(): Behaviour {
  const hinted = new WeakSet<object>();
  return ({ req, res, idleFor }) => {
    if (hinted.has(req.socket) && idleFor !== undefined && idleFor >= 1000) {
      req.socket.destroy();
      return;
    }
    hinted.add(req.socket);
    res.writeHead(200, { "content-type": "application/json", "keep-alive": "timeout=1" });
    res.end(JSON.stringify(PAGE));
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The signal of the abort case's call: a page the user navigates away from. */
let navigation = new AbortController();

let main: MisbehavingServer;
let other: MisbehavingServer;
let proxy: Awaited<ReturnType<typeof startForwardProxy>>;

const cases: Case[] = [
  // Redirects
  {
    description: "a same-origin 307 after a POST is followed with its method, body and token",
    behaviour: redirect(307, () => "/moved", json(201, USER)),
    call: create,
    expected: { value: USER },
    check: ({ main }) => {
      const moved = main.seen()[1];
      expect(moved).toMatchObject({ method: "POST", url: "/moved" });
      expect(JSON.parse(moved?.body ?? "")).toEqual({ email: USER.email, password: PASSWORD });
      expect(moved?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    },
  },
  {
    description: "a 308 is followed the same way",
    behaviour: redirect(308, () => "/moved/user", json(200, USER)),
    call: get,
    expected: { value: USER },
    check: ({ main }) => expect(main.seen()[1]?.headers.authorization).toBe(`Bearer ${TOKEN}`),
  },
  {
    description: "a 303 after a POST is followed as a GET without the body",
    behaviour: redirect(303, () => "/moved", json(200, USER)),
    call: create,
    expected: { value: USER },
    check: ({ main }) => {
      expect(main.seen()[1]).toMatchObject({ method: "GET", url: "/moved", body: "" });
      expect(main.seen()[1]?.headers["content-type"]).toBeUndefined();
    },
  },
  {
    description: "a redirect to another origin is followed without the Authorization header",
    behaviour: redirect(302, () => `${other.url}/elsewhere`, json(200, PAGE)),
    other: json(200, PAGE),
    expected: { value: PAGE },
    check: ({ other }) => {
      expect(other.seen()).toHaveLength(1);
      expect(other.seen()[0]?.headers.authorization).toBeUndefined();
      expect(JSON.stringify(other.seen())).not.toContain(TOKEN);
    },
  },
  {
    description: "a redirect loop ends in a NetworkError",
    behaviour: ({ req, res }) => {
      res.writeHead(302, { location: `${req.url}x` });
      res.end();
    },
    expected: { error: NetworkError },
    check: ({ main }) => expect(main.seen().length).toBe(21),
  },
  // Bodies
  {
    description: "a JSON answer that starts with a UTF-8 byte-order mark is parsed",
    behaviour: ({ res }) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(`\uFEFF${JSON.stringify(PAGE)}`);
    },
    expected: { value: PAGE },
  },
  {
    description: "an error answer that starts with a byte-order mark gives its Error body",
    behaviour: ({ res }) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(`\uFEFF${JSON.stringify(NOT_FOUND)}`);
    },
    call: get,
    expected: { error: ApiError, fields: { status: 404, body: NOT_FOUND } },
  },
  {
    description: "a gzip answer is decoded",
    behaviour: encoded(200, PAGE, "gzip", (b) => gzipSync(b)),
    expected: { value: PAGE },
    check: ({ main }) => expect(main.seen()[0]?.headers["accept-encoding"]).toMatch(/gzip/),
  },
  {
    description: "a deflate answer is decoded",
    behaviour: encoded(200, PAGE, "deflate", (b) => deflateSync(b)),
    expected: { value: PAGE },
  },
  {
    description: "a br answer is decoded",
    behaviour: encoded(200, PAGE, "br", (b) => brotliCompressSync(b)),
    expected: { value: PAGE },
  },
  {
    description: "a gzip error answer is decoded into its Error body",
    behaviour: encoded(404, NOT_FOUND, "gzip", (b) => gzipSync(b)),
    call: get,
    expected: { error: ApiError, fields: { status: 404, body: NOT_FOUND } },
  },
  {
    description: "200 with an empty body is an UnexpectedResponseError",
    behaviour: ({ res }) => res.end(),
    expected: { error: UnexpectedResponseError, fields: { status: 200 } },
  },
  {
    description: "204 No Content is an UnexpectedResponseError",
    behaviour: ({ res }) => {
      res.statusCode = 204;
      res.end();
    },
    expected: { error: UnexpectedResponseError, fields: { status: 204 } },
  },
  {
    description: "200 with a body that is not JSON is an UnexpectedResponseError, not retried",
    behaviour: ({ res }) => res.end("<html>oops</html>"),
    options: () => ({ retry: { retries: 3, minDelay: 0 } }),
    expected: { error: UnexpectedResponseError, fields: { status: 200 } },
    check: ({ main }) => expect(main.seen()).toHaveLength(1),
  },
  {
    description: "an HTML 502 from a proxy is an ApiError with the start of the text",
    behaviour: ({ res }) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>502 Bad Gateway</body></html>");
    },
    expected: {
      error: ApiError,
      fields: { status: 502, body: undefined, text: "<html><body>502 Bad Gateway</body></html>" },
    },
  },
  {
    description: "a JSON array as an error body is an ApiError without a body",
    behaviour: json(500, [1, 2]),
    expected: { error: ApiError, fields: { status: 500, body: undefined } },
  },
  {
    description: "an answer over maxBodySize is a ResponseTooLargeError, never retried",
    only: ["node"],
    behaviour: ({ res }) => res.end(JSON.stringify({ ...PAGE, pad: "x".repeat(4096) })),
    options: () => ({ fetch: createNodeFetch({ maxBodySize: 1024 }), retry: 3 }),
    expected: { error: ResponseTooLargeError, fields: { status: 200, limit: 1024 } },
    check: ({ main }) => expect(main.seen()).toHaveLength(1),
  },
  {
    description: "a gzip answer that decodes to more than maxBodySize is a ResponseTooLargeError",
    only: ["node"],
    behaviour: encoded(200, { pad: "0".repeat(100_000) }, "gzip", (b) => gzipSync(b)),
    options: () => ({ fetch: createNodeFetch({ maxBodySize: 1024 }) }),
    expected: { error: ResponseTooLargeError, fields: { limit: 1024 } },
  },
  // Proxies
  {
    description: "HTTP_PROXY is honoured",
    only: ["node"],
    env: () => ({ HTTP_PROXY: proxy.url }),
    behaviour: json(200, PAGE),
    options: () => ({ fetch: createNodeFetch() }),
    expected: { value: PAGE },
    check: () => expect(proxy.seen()).toEqual([`CONNECT 127.0.0.1:${main.port}`]),
  },
  {
    description: "NO_PROXY sends a matching host around the proxy",
    only: ["node"],
    env: () => ({ HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" }),
    behaviour: json(200, PAGE),
    options: () => ({ fetch: createNodeFetch() }),
    expected: { value: PAGE },
    check: () => expect(proxy.seen()).toEqual([]),
  },
  // Retry-After
  {
    description: "Retry-After in seconds is waited for",
    behaviour: (exchange) =>
      (exchange.count === 1 ? json(503, BUSY, { "retry-after": "1" }) : json(200, USER))(exchange),
    options: () => ({ retry: { retries: 1, minDelay: 5_000, maxDelay: 10_000 } }),
    call: get,
    expected: { value: USER },
    check: ({ retries }) => expect(retries.map((r) => [r.status, r.delay])).toEqual([[503, 1000]]),
  },
  {
    description: "Retry-After as an HTTP date is waited for",
    behaviour: (exchange) =>
      (exchange.count === 1
        ? json(429, BUSY, { "retry-after": new Date(Date.now() + 1000).toUTCString() })
        : json(200, USER))(exchange),
    options: () => ({ retry: { retries: 1, minDelay: 5_000, maxDelay: 10_000 } }),
    call: get,
    expected: { value: USER },
    check: ({ retries }) => {
      expect(retries).toHaveLength(1);
      expect(retries[0]?.delay).toBeLessThanOrEqual(1000);
    },
  },
  {
    description: "retries an idempotent call after 503, then succeeds",
    behaviour: (exchange) =>
      (exchange.count < 3 ? json(503, BUSY, { "retry-after": "0" }) : json(200, USER))(exchange),
    options: () => ({ retry: 3 }),
    call: get,
    expected: { value: USER },
    check: ({ main, retries }) => {
      expect(main.seen()).toHaveLength(3);
      expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    },
  },
  {
    description: "never retries a create on 503, even with retries on",
    behaviour: json(503, BUSY, { "retry-after": "0" }),
    options: () => ({ retry: 5 }),
    call: create,
    expected: { error: ApiError, fields: { status: 503 } },
    check: ({ main }) => expect(main.seen()).toHaveLength(1),
  },
  {
    description: "bounds the retries of a server that always answers 429",
    behaviour: json(429, BUSY, { "retry-after": "0" }),
    options: () => ({ retry: 4 }),
    expected: { error: ApiError, fields: { status: 429 } },
    check: ({ main }) => expect(main.seen()).toHaveLength(5),
  },
  // Connections
  {
    description:
      "a keep-alive connection the server drops at its hint's deadline never surfaces as an error",
    behaviour: closesHintedConnections(),
    call: async (client) => {
      await list(client);
      await sleep(1100);
      return list(client);
    },
    expected: { value: PAGE },
    check: ({ main }) => expect(main.seen()).toHaveLength(2),
  },
  {
    description: "a request whose connection was refused is sent again at once, even a POST",
    only: ["node", "fetch"],
    behaviour: json(201, USER),
    options: ({ main }) => ({
      onRetry: () => void main.resume(),
    }),
    call: async (client, { main }) => {
      await main.pause();
      return create(client);
    },
    expected: { value: USER },
    check: ({ main, retries }) => {
      expect(main.seen()).toHaveLength(1);
      expect(retries).toMatchObject([{ attempt: 1, delay: 0, status: undefined }]);
      expect(retries[0]?.error).toBeInstanceOf(NetworkError);
    },
  },
  {
    description:
      "a POST whose connection was refused is a NetworkError, never resent: a browser's fetch error cannot prove it was never sent",
    only: ["platform"],
    behaviour: json(201, USER),
    call: async (client, { main }) => {
      await main.pause();
      return create(client).finally(() => main.resume());
    },
    expected: { error: NetworkError },
    check: ({ main, retries }) => {
      expect(main.seen()).toHaveLength(0);
      expect(retries).toEqual([]);
    },
  },
  {
    description: "a POST whose connection is reset after it was sent is never retried",
    behaviour: ({ req }) => req.socket.destroy(),
    options: () => ({ retry: { retries: 3, minDelay: 0 } }),
    call: create,
    expected: { error: NetworkError },
    check: ({ main }) => expect(main.seen()).toHaveLength(1),
  },
  {
    description: "a GET whose connection is reset is retried when retries are on",
    behaviour: (exchange) =>
      exchange.count === 1 ? void exchange.req.socket.destroy() : json(200, USER)(exchange),
    options: () => ({ retry: { retries: 1, minDelay: 0 } }),
    call: get,
    expected: { value: USER },
    check: ({ main }) => expect(main.seen()).toHaveLength(2),
  },
  {
    description: "a connection reset in the middle of the body is a NetworkError",
    behaviour: ({ req, res }) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"items": [');
      setTimeout(() => req.socket.destroy(), 20);
    },
    expected: { error: NetworkError },
  },
  {
    description: "a stalled answer past the timeout is a TimeoutError",
    behaviour: () => {},
    options: () => ({ timeout: 200 }),
    expected: { error: TimeoutError, fields: { timeout: 200 } },
  },
  {
    description: "headers, then a stalled body past the timeout, is a TimeoutError",
    behaviour: ({ res }) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
    },
    options: () => ({ timeout: 200 }),
    expected: { error: TimeoutError },
  },
  {
    description: "an aborted call is an AbortError with the reason",
    // The caller aborts once the server has the request, so it never arrives in the next case.
    behaviour: () => navigation.abort(new Error("navigated away")),
    call: (client) => {
      navigation = new AbortController();
      return client.users.get(
        { applicationId: APP, experienceUserId: ID },
        { signal: navigation.signal, timeout: 0 },
      );
    },
    expected: { error: AbortError, fields: { cause: new Error("navigated away") } },
  },
];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  [main, other, proxy] = await Promise.all([
    startMisbehavingServer(),
    startMisbehavingServer(),
    startForwardProxy(),
  ]);
  process.on("unhandledRejection", onUnhandled);
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await Promise.all([main.close(), other.close(), proxy.close()]);
});

describe.each(transports)("over $name", ({ kind, fetch }) => {
  const applicable = cases.filter((c) => c.only === undefined || c.only.includes(kind));

  it.each(applicable)("$description", async (c) => {
    const env: Env = { main, other, retries: [] };
    const variables = c.env?.() ?? {};
    const saved = Object.keys(variables).map((name) => [name, process.env[name]] as const);
    Object.assign(process.env, variables);
    onTestFinished(() => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });
    proxy.reset();
    main.set(c.behaviour);
    other.set(c.other ?? json(404, NOT_FOUND));
    const extra = c.options?.(env) ?? {};
    const client = (kind === "platform" ? createPlatformClient : createClient)({
      token: TOKEN,
      baseUrl: main.url,
      timeout: 5_000,
      ...(fetch ? { fetch } : {}),
      ...extra,
      onRetry: (event) => {
        env.retries.push(event);
        extra.onRetry?.(event);
      },
    });
    const outcome = await (c.call ?? list)(client, env).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if ("value" in c.expected) {
      expect(outcome).toEqual({ value: c.expected.value });
    } else {
      expect("error" in outcome && outcome.error).toBeInstanceOf(c.expected.error);
      if (c.expected.fields)
        expect((outcome as { error: unknown }).error).toMatchObject(c.expected.fields);
    }
    c.check?.(env);
    for (const request of [...main.seen(), ...other.seen()]) {
      expect(request.headers["accept-version"]).toBe(DEFAULT_ACCEPT_VERSION);
    }
    expect(unhandled).toEqual([]);
  });
});
