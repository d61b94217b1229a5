import {
  AbortError,
  ApiError,
  createClient,
  type ListExperienceUsersParams,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
} from "@experience-users/client";
import { describe, expect, it } from "vitest";
import { json, observedFetch } from "./support/observed-fetch.js";

const APP = "575ec8687ae143cd83dc4a97";
const USER = "575ed78e7ae143cd83dc4aab";
const BASE = "https://api.example.test/";
const user = { id: USER, experienceUserId: USER, applicationId: APP, email: "a@example.com" };

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
    response: json(200, { items: [user], count: 1 }),
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
      description: "booleans as true/false",
      params: { includeAncestorGroups: true },
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
    const { client, seen } = setup(() => json(200, { items: [] }));
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

  it("an HTML 502 becomes an ApiError carrying the start of the text", async () => {
    const { client } = setup(
      () =>
        new Response("<html>Bad gateway</html>", {
          status: 502,
          headers: { "content-type": "text/html" },
        }),
    );
    const error = await client.users.list({ applicationId: APP }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ApiError",
      status: 502,
      body: undefined,
      text: "<html>Bad gateway</html>",
    });
  });

  const unexpected = [
    { description: "200 with an empty body", response: () => new Response("", { status: 200 }) },
    { description: "204 No Content", response: () => new Response(null, { status: 204 }) },
    {
      description: "200 with a body that is not JSON",
      response: () => new Response("<html>", { status: 200 }),
    },
  ];

  it.each(unexpected)("$description becomes an UnexpectedResponseError", async ({ response }) => {
    const { client } = setup(response);
    const error = await client.users.list({ applicationId: APP }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ operation: "listExperienceUsers" });
  });

  it("a transport failure becomes a NetworkError with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const client = createClient({ token: "t", fetch: () => Promise.reject(cause) });
    const error = await client.users.list({ applicationId: APP }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).cause).toBe(cause);
  });

  it("a stalled answer becomes a TimeoutError after the timeout", async () => {
    const client = createClient({
      token: "t",
      timeout: 50,
      fetch: (request) =>
        new Promise((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    });
    const error = await client.users.list({ applicationId: APP }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeout: 50 });
  });

  it("aborting through the signal rejects with an AbortError", async () => {
    const controller = new AbortController();
    const client = createClient({
      token: "t",
      fetch: (request) =>
        new Promise((_, reject) => {
          request.signal.addEventListener("abort", () => reject(request.signal.reason));
          controller.abort(new Error("user left"));
        }),
    });
    const error = await client.users
      .list({ applicationId: APP }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(((error as Error).cause as Error).message).toBe("user left");
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

  it("retry idempotent calls on 503, honouring Retry-After", async () => {
    const observed = observedFetch(busy, busy, () => json(200, user));
    const client = createClient({ token: "t", fetch: observed.fetch, retry: 3 });
    await expect(client.users.get({ applicationId: APP, experienceUserId: USER })).resolves.toEqual(
      user,
    );
    expect(observed.seen).toHaveLength(3);
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

  it("are bounded by the retry count", async () => {
    const observed = observedFetch(busy);
    const client = createClient({
      token: "t",
      fetch: observed.fetch,
      retry: { retries: 2, minDelay: 0 },
    });
    await expect(
      client.users.delete({ applicationId: APP, experienceUserId: USER }),
    ).rejects.toMatchObject({ status: 503 });
    expect(observed.seen).toHaveLength(3);
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

  it("retry network failures of idempotent calls", async () => {
    let calls = 0;
    const client = createClient({
      token: "t",
      retry: { retries: 1, minDelay: 0 },
      fetch: async () => {
        calls += 1;
        if (calls === 1) throw new TypeError("socket hang up");
        return json(200, user);
      },
    });
    await expect(client.users.get({ applicationId: APP, experienceUserId: USER })).resolves.toEqual(
      user,
    );
    expect(calls).toBe(2);
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
      emails.push(u.email ?? "");
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
    const observed = observedFetch(() => json(200, { items: [], perPage: 100, totalCount: 3 }));
    const client = createClient({ token: "t", fetch: observed.fetch });
    const all = [];
    for await (const u of client.users.listAll({ applicationId: APP })) all.push(u);
    expect(all).toEqual([]);
    expect(observed.seen).toHaveLength(1);
  });
});

describe("raw client", () => {
  it("shares auth, base URL and JSON query encoding", async () => {
    const { client, seen } = setup(() => json(200, { items: [] }));
    const { data } = await client.raw.GET("/applications/{applicationId}/experience/users", {
      params: { path: { applicationId: APP }, query: { query: { email: "a@example.com" } } },
    });
    expect(data).toEqual({ items: [] });
    expect(seen[0]?.headers.authorization).toBe("Bearer tok");
    expect(seen[0]?.url.searchParams.get("query")).toBe('{"email":"a@example.com"}');
  });
});
