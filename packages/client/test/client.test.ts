import { readFileSync } from "node:fs";
import {
  AbortError,
  ApiError,
  createClient,
  DEFAULT_ACCEPT_VERSION,
  type ListExperienceUsersParams,
  type Middleware,
  NetworkError,
  type RequestEvent,
  ResponseTooLargeError,
  UnexpectedResponseError,
} from "@experience-users/client";
import { document } from "@experience-users/spec";
import { describe, expect, it } from "vitest";
import { createClient as createPlatformClient } from "../dist/index.js";
import { APP, experienceUser, USER_ID, usersPage } from "./support/fixtures.js";
import { json, observedFetch } from "./support/observed-fetch.js";

const { version } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as { version: string };

const USER = USER_ID;
const BASE = "https://api.example.test/";
const user = experienceUser();
const page = usersPage;

function setup(...responders: Parameters<typeof observedFetch>) {
  const observed = observedFetch(...responders);
  const client = createClient({
    token: "tok",
    baseUrl: BASE,
    fetch: observed.fetch,
    losantdomain: "example.com",
  });
  return { client, seen: observed.seen };
}

const calls = [
  {
    description: "users.list sends GET .../experience/users with no body",
    run: (c: ReturnType<typeof setup>["client"]) => c.users.list({ applicationId: APP }),
    method: "GET",
    path: `/applications/${APP}/experience/users`,
    body: "",
    response: json(200, page([user])),
  },
  {
    description: "users.create sends POST .../experience/users with the JSON body",
    run: (c: ReturnType<typeof setup>["client"]) =>
      c.users.create({ applicationId: APP }, { email: "a@example.com", password: "aUserPassword" }),
    method: "POST",
    path: `/applications/${APP}/experience/users`,
    body: '{"email":"a@example.com","password":"aUserPassword"}',
    response: json(201, user),
  },
  {
    description: "users.get sends GET .../experience/users/{id}",
    run: (c: ReturnType<typeof setup>["client"]) =>
      c.users.get({ applicationId: APP, experienceUserId: USER }),
    method: "GET",
    path: `/applications/${APP}/experience/users/${USER}`,
    body: "",
    response: json(200, user),
  },
  {
    description: "users.update sends PATCH .../experience/users/{id} with the JSON body",
    run: (c: ReturnType<typeof setup>["client"]) =>
      c.users.update({ applicationId: APP, experienceUserId: USER }, { firstName: "Bob" }),
    method: "PATCH",
    path: `/applications/${APP}/experience/users/${USER}`,
    body: '{"firstName":"Bob"}',
    response: json(200, { ...user, firstName: "Bob" }),
  },
  {
    description: "users.delete sends DELETE .../experience/users/{id}",
    run: (c: ReturnType<typeof setup>["client"]) =>
      c.users.delete({ applicationId: APP, experienceUserId: USER }),
    method: "DELETE",
    path: `/applications/${APP}/experience/users/${USER}`,
    body: "",
    response: json(200, { success: true }),
  },
];

describe("requests", () => {
  it.each(calls)("$description", async ({ run, method, path, body, response }) => {
    const { client, seen } = setup(() => response.clone());
    const result = await run(client);
    expect(result).toEqual(await response.clone().json());
    expect(seen).toHaveLength(1);
    const [request] = seen;
    if (!request) throw new Error("no request seen");
    expect(request.method).toBe(method);
    expect(request.url.origin + request.url.pathname).toBe(`https://api.example.test${path}`);
    expect(request.url.search).toBe("");
    expect(request.body).toBe(body);
    expect(request.headers).toMatchObject({
      authorization: "Bearer tok",
      accept: "application/json",
      "accept-version": "^1.20.1",
      "user-agent": `experience-users-client/${version}`,
      losantdomain: "example.com",
    });
    expect(request.headers["content-type"]).toBe(body ? "application/json" : undefined);
  });

  const queries: {
    description: string;
    params: Omit<ListExperienceUsersParams, "applicationId">;
    search: string;
  }[] = [
    {
      description: "numbers as digits",
      params: { page: 2, perPage: 10 },
      search: "?page=2&perPage=10",
    },
    {
      description: "strings as they are",
      params: { includeAncestorGroups: "true" },
      search: "?includeAncestorGroups=true",
    },
    {
      description: "enums as they are",
      params: { sortField: "lastLogin", sortDirection: "desc" },
      search: "?sortField=lastLogin&sortDirection=desc",
    },
    {
      description: "globs percent-encoded, spaces as %20",
      params: { filterField: "email", filter: "my *user?" },
      search: "?filterField=email&filter=my%20*user%3F",
    },
    {
      description: "group id and its special values",
      params: { experienceGroupId: "none" },
      search: "?experienceGroupId=none",
    },
    {
      description: "the advanced query as one JSON string",
      params: {
        query: { $or: [{ firstName: "Bob" }, { email: { $endsWith: "@x.com", $ci: true } }] },
      },
      search: `?query=${encodeURIComponent('{"$or":[{"firstName":"Bob"},{"email":{"$endsWith":"@x.com","$ci":true}}]}')}`,
    },
    {
      description: "undefined values left out",
      params: { page: undefined, filter: "a" },
      search: "?filter=a",
    },
  ];

  it.each(queries)("users.list encodes $description", async ({ params, search }) => {
    const { client, seen } = setup(() => json(200, page([])));
    await client.users.list({ applicationId: APP, ...params });
    expect(seen[0]?.url.search).toBe(search);
    const decoded = Object.fromEntries(seen[0]?.url.searchParams ?? []);
    if ("query" in params) expect(JSON.parse(decoded.query ?? "")).toEqual(params.query);
  });

  it("per-call headers and losantdomain override the client's", async () => {
    const { client, seen } = setup(() => json(200, user));
    await client.users.get(
      { applicationId: APP, experienceUserId: USER },
      { headers: { "x-trace": "1" }, losantdomain: "other.example" },
    );
    expect(seen[0]?.headers).toMatchObject({ "x-trace": "1", losantdomain: "other.example" });
  });

  it("encodes path parameters so they cannot reach another route", async () => {
    const { client, seen } = setup(() => json(404, { type: "NotFound", message: "x" }));
    await expect(
      client.users.get({ applicationId: APP, experienceUserId: "../../x?y" }),
    ).rejects.toThrow(ApiError);
    expect(seen[0]?.url.pathname).toBe(`/applications/${APP}/experience/users/..%2F..%2Fx%3Fy`);
  });

  it("refuses to start without a token", () => {
    expect(() => createClient({ token: "" })).toThrow(/token/);
  });
});

describe("answers", () => {
  it.each([400, 401, 403, 404])(
    "a %i Error body becomes an ApiError with status, body and operation",
    async (status) => {
      const body = { type: "NotFound", message: "Experience user was not found" };
      const { client } = setup(() => json(status, body));
      const error = await client.users
        .get({ applicationId: APP, experienceUserId: USER })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({
        status,
        body,
        operation: "getExperienceUser",
        text: undefined,
      });
      expect((error as Error).message).toBe(
        `getExperienceUser failed with ${status} NotFound: Experience user was not found`,
      );
    },
  );

  it("a transport failure becomes a NetworkError with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const client = createClient({ token: "t", fetch: () => Promise.reject(cause) });
    const error = await client.users.list({ applicationId: APP }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).cause).toBe(cause);
  });

  it("an already aborted signal rejects before any request is sent", async () => {
    const { client, seen } = setup();
    await expect(
      client.users.list({ applicationId: APP }, { signal: AbortSignal.abort() }),
    ).rejects.toThrow(AbortError);
    expect(seen).toHaveLength(0);
  });
});

describe("retries", () => {
  const busy = () =>
    json(503, { type: "ServiceUnavailable", message: "busy" }, { "retry-after": "0" });

  it("are off by default", async () => {
    const { client, seen } = setup(busy, () => json(200, user));
    await expect(client.users.get({ applicationId: APP, experienceUserId: USER })).rejects.toThrow(
      ApiError,
    );
    expect(seen).toHaveLength(1);
  });

  it("never retry POST or PATCH", async () => {
    const observed = observedFetch(busy);
    const client = createClient({ token: "t", fetch: observed.fetch, retry: 3 });
    await expect(
      client.users.create(
        { applicationId: APP },
        { email: "a@example.com", password: "aUserPassword" },
      ),
    ).rejects.toThrow(ApiError);
    await expect(
      client.users.update({ applicationId: APP, experienceUserId: USER }, {}),
    ).rejects.toThrow(ApiError);
    expect(observed.seen.map((s) => s.method)).toEqual(["POST", "PATCH"]);
  });

  it("give up when Retry-After asks for longer than maxDelay", async () => {
    const observed = observedFetch(() =>
      json(429, { type: "TooMany", message: "slow down" }, { "retry-after": "120" }),
    );
    const client = createClient({
      token: "t",
      fetch: observed.fetch,
      retry: { retries: 5, maxDelay: 1000 },
    });
    await expect(client.users.list({ applicationId: APP })).rejects.toMatchObject({ status: 429 });
    expect(observed.seen).toHaveLength(1);
  });

  it("reject retry counts outside 0..10", () => {
    expect(() => createClient({ token: "t", retry: 11 })).toThrow(RangeError);
    expect(() => createClient({ token: "t", retry: -1 })).toThrow(RangeError);
  });
});

describe("users.listAll", () => {
  it("iterates every user across pages and stops at totalCount", async () => {
    const pages = [0, 1, 2].map((page) => ({
      items: Array.from({ length: page < 2 ? 2 : 1 }, (_, i) => ({
        email: `u${page * 2 + i}@example.com`,
      })),
      page,
      perPage: 2,
      totalCount: 5,
    }));
    const observed = observedFetch(...pages.map((p) => () => json(200, p)));
    const client = createClient({ token: "t", fetch: observed.fetch });
    const emails: string[] = [];
    for await (const u of client.users.listAll({
      applicationId: APP,
      perPage: 2,
      sortField: "email",
    })) {
      emails.push(u.email);
    }
    expect(emails).toEqual([
      "u0@example.com",
      "u1@example.com",
      "u2@example.com",
      "u3@example.com",
      "u4@example.com",
    ]);
    expect(observed.seen.map((s) => s.url.searchParams.get("page"))).toEqual(["0", "1", "2"]);
    expect(observed.seen.every((s) => s.url.searchParams.get("sortField") === "email")).toBe(true);
  });

  it("stops on an empty page", async () => {
    const observed = observedFetch(() => json(200, page([], { totalCount: 3 })));
    const client = createClient({ token: "t", fetch: observed.fetch });
    const all = [];
    for await (const u of client.users.listAll({ applicationId: APP })) all.push(u);
    expect(all).toEqual([]);
    expect(observed.seen).toHaveLength(1);
  });
});

describe("raw client", () => {
  it("shares auth, base URL and JSON query encoding", async () => {
    const { client, seen } = setup(() => json(200, page([])));
    const { data } = await client.raw.GET("/applications/{applicationId}/experience/users", {
      params: { path: { applicationId: APP }, query: { query: { email: "a@example.com" } } },
    });
    expect(data).toEqual(page([]));
    expect(seen[0]?.headers.authorization).toBe("Bearer tok");
    expect(seen[0]?.headers["accept-version"]).toBe(DEFAULT_ACCEPT_VERSION);
    expect(seen[0]?.url.searchParams.get("query")).toBe('{"email":"a@example.com"}');
  });
});

describe("Accept-Version and User-Agent", () => {
  it("sends the Accept-Version the spec documents, unless the client or the call says otherwise", async () => {
    const parameters = document.components.parameters ?? {};
    const documented = (parameters as Record<string, { name: string; example?: unknown }>)
      .acceptVersion;
    expect(documented).toMatchObject({ name: "Accept-Version", example: DEFAULT_ACCEPT_VERSION });
    const observed = observedFetch(() => json(200, user));
    const client = createClient({ token: "t", fetch: observed.fetch, acceptVersion: "^1.21.0" });
    const params = { applicationId: APP, experienceUserId: USER };
    await client.users.get(params);
    await client.users.get(params, { acceptVersion: "^2.0.0" });
    await createClient({ token: "t", fetch: observed.fetch }).users.delete(params);
    expect(observed.seen.map((s) => s.headers["accept-version"])).toEqual([
      "^1.21.0",
      "^2.0.0",
      "^1.20.1",
    ]);
  });

  it("names this package and its version in User-Agent on Node; `userAgent` changes it", async () => {
    const observed = observedFetch(() => json(200, user));
    const params = { applicationId: APP, experienceUserId: USER };
    await createClient({ token: "t", fetch: observed.fetch }).users.get(params);
    await createClient({ token: "t", fetch: observed.fetch, userAgent: "my-app/2" }).users.get(
      params,
    );
    await createClient({ token: "t", fetch: observed.fetch, userAgent: "" }).users.get(params);
    expect(observed.seen.map((s) => s.headers["user-agent"])).toEqual([
      `experience-users-client/${version}`,
      "my-app/2",
      undefined,
    ]);
  });

  it("the platform build (browsers, workers) sends no User-Agent, which a page may not set", async () => {
    const observed = observedFetch(() => json(200, user));
    await createPlatformClient({ token: "t", fetch: observed.fetch }).users.get({
      applicationId: APP,
      experienceUserId: USER,
    });
    expect(observed.seen[0]?.headers["user-agent"]).toBeUndefined();
    expect(observed.seen[0]?.headers["accept-version"]).toBe(DEFAULT_ACCEPT_VERSION);
  });
});

describe("hooks", () => {
  it("see each attempt's operation, attempt, status and duration, and never a token or password", async () => {
    const busy = () => json(503, { type: "Busy", message: "busy" }, { "retry-after": "0" });
    const observed = observedFetch(busy, () => json(201, user));
    const events: { hook: string; event: object }[] = [];
    const client = createClient({
      token: "secret-token",
      fetch: observed.fetch,
      retry: 1,
      onRequest: (event) => events.push({ hook: "onRequest", event }),
      onResponse: (event) => events.push({ hook: "onResponse", event }),
      onRetry: (event) => events.push({ hook: "onRetry", event }),
    });
    await client.users.list({ applicationId: APP, filter: "ada*" });
    await client.users.create(
      { applicationId: APP },
      { email: "a@example.com", password: "s3cret pass" },
    );
    const url = `https://api.losant.com/applications/${APP}/experience/users`;
    const base = { operation: "listExperienceUsers", method: "GET", url: `${url}?filter=ada*` };
    expect(events).toEqual([
      { hook: "onRequest", event: { ...base, attempt: 1 } },
      {
        hook: "onResponse",
        event: { ...base, attempt: 1, status: 503, duration: expect.any(Number) },
      },
      {
        hook: "onRetry",
        event: {
          ...base,
          attempt: 1,
          status: 503,
          duration: expect.any(Number),
          delay: 0,
          error: expect.any(ApiError),
        },
      },
      { hook: "onRequest", event: { ...base, attempt: 2 } },
      {
        hook: "onResponse",
        event: { ...base, attempt: 2, status: 201, duration: expect.any(Number) },
      },
      {
        hook: "onRequest",
        event: { operation: "createExperienceUser", method: "POST", url, attempt: 1 },
      },
      {
        hook: "onResponse",
        event: expect.objectContaining({ operation: "createExperienceUser", status: 201 }),
      },
    ]);
    const seen = JSON.stringify(events, (_key, value) =>
      value instanceof Error ? { ...value, message: value.message } : value,
    );
    expect(seen).not.toMatch(/secret-token|s3cret pass/);
  });

  const throwing = [
    {
      description: "onRequest",
      options: {
        onRequest: () => {
          throw new RangeError("hook");
        },
      },
    },
    {
      description: "onResponse",
      options: {
        onResponse: () => {
          throw new RangeError("hook");
        },
      },
    },
  ];

  it.each(throwing)(
    "what $description throws rejects the call as it is, never retried",
    async ({ options }) => {
      const observed = observedFetch(() => json(200, user));
      const client = createClient({ token: "t", fetch: observed.fetch, retry: 3, ...options });
      const error = await client.users
        .get({ applicationId: APP, experienceUserId: USER })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RangeError);
      expect(error).toMatchObject({ message: "hook" });
      expect(observed.seen.length).toBeLessThanOrEqual(1);
    },
  );
});

describe("what is a NetworkError and what is retried", () => {
  const params = { applicationId: APP, experienceUserId: USER };
  const failing = (...errors: unknown[]) => {
    const calls: string[] = [];
    const fetch = async (request: Request) => {
      calls.push(request.method);
      const error = errors.shift();
      if (error !== undefined) throw error;
      return json(request.method === "POST" ? 201 : 200, user);
    };
    return { fetch, calls };
  };
  const refused = () =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
  const reset = () =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
    });
  const body = { email: "a@example.com", password: "aUserPassword" };

  it("a request never sent that fails again is a NetworkError after one more try", async () => {
    const { fetch, calls } = failing(refused(), refused(), refused());
    const client = createClient({ token: "t", fetch });
    await expect(client.users.create({ applicationId: APP }, body)).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(calls).toEqual(["POST", "POST"]);
  });

  /** A 200 whose body stream errors after its first bytes. */
  const brokenBody = () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":'));
        controller.error(new TypeError("terminated"));
      },
    });
    return new Response(stream, { status: 200, headers: { "content-type": "application/json" } });
  };

  it("a body that breaks off is a NetworkError, retried for GET when retries are on", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return calls > 1 ? json(200, user) : brokenBody();
    };
    await expect(createClient({ token: "t", fetch }).users.get(params)).rejects.toBeInstanceOf(
      NetworkError,
    );
    calls = 0;
    await expect(
      createClient({ token: "t", fetch, retry: { retries: 1, minDelay: 0 } }).users.get(params),
    ).resolves.toEqual(user);
    expect(calls).toBe(2);
  });

  const behindMiddleware = [
    {
      description: "a body that breaks off is a NetworkError",
      answer: brokenBody,
      error: NetworkError,
    },
    {
      description: "a 200 body that is not JSON is an UnexpectedResponseError",
      answer: () => new Response("<html>", { status: 200 }),
      error: UnexpectedResponseError,
    },
  ];

  it.each(behindMiddleware)("$description behind a middleware too", async ({ answer, error }) => {
    const seen: number[] = [];
    const middleware: Middleware = {
      onResponse: ({ response }) => {
        seen.push(response.status);
      },
    };
    const client = createClient({
      token: "t",
      fetch: async () => answer(),
      middleware: [middleware],
    });
    await expect(client.users.get(params)).rejects.toBeInstanceOf(error);
    expect(seen).toEqual([200]);
  });

  const invalid = new RangeError("invalid request");
  const unreadable = new SyntaxError("the middleware could not read it");
  const middlewareThrows: {
    description: string;
    thrown: Error;
    middleware: Middleware;
    calls: string[];
  }[] = [
    {
      description: "what a middleware's onRequest throws reaches the caller as it is, never sent",
      thrown: invalid,
      middleware: {
        onRequest: () => {
          throw invalid;
        },
      },
      calls: [],
    },
    {
      description:
        "a SyntaxError a middleware's onResponse throws over an answer is its own, not a body that is not JSON",
      thrown: unreadable,
      middleware: {
        onResponse: () => {
          throw unreadable;
        },
      },
      calls: ["GET"],
    },
  ];

  it.each(middlewareThrows)(
    "$description, never retried",
    async ({ thrown, middleware, calls: sent }) => {
      const { fetch, calls } = failing();
      const client = createClient({ token: "t", fetch, retry: 3, middleware: [middleware] });
      await expect(client.users.get(params)).rejects.toBe(thrown);
      expect(calls).toEqual(sent);
    },
  );

  it("what openapi-fetch throws reaches the caller as it is, never retried", async () => {
    const { fetch, calls } = failing();
    const middleware = { onRequest: () => ({ not: "a Request" }) } as unknown as Middleware;
    const client = createClient({ token: "t", fetch, retry: 3, middleware: [middleware] });
    const error = await client.users.get(params).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/onRequest: must return new Request/);
    expect(calls).toEqual([]);
  });

  it("an answer over a transport's size limit is a ResponseTooLargeError, never retried", async () => {
    const { fetch, calls } = failing(
      Object.assign(new RangeError("too large"), {
        code: "ERR_RESPONSE_TOO_LARGE",
        status: 200,
        limit: 10,
      }),
    );
    const error = await createClient({ token: "t", fetch, retry: 3 })
      .users.get(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, limit: 10, operation: "getExperienceUser" });
    expect(calls).toEqual(["GET"]);
  });

  it("hook events name the request of every attempt", async () => {
    const { fetch } = failing(reset());
    const requests: RequestEvent[] = [];
    const client = createClient({
      token: "t",
      fetch,
      retry: { retries: 1, minDelay: 0 },
      onRequest: (event) => requests.push(event),
    });
    await client.users.delete(params);
    expect(requests.map((r) => [r.method, r.attempt])).toEqual([
      ["DELETE", 1],
      ["DELETE", 2],
    ]);
  });
});
