import { operations } from "@experience-users/spec";
import { callFake, trackedFakes } from "@experience-users/test-support";
import fc from "fast-check";
import { Hono } from "hono";
import { describe, expect, it, onTestFinished } from "vitest";
import { createDispatch } from "../src/http/dispatch.js";
import { createResponder, type FakeFault } from "../src/http/responder.js";
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "../src/index.js";
import { createOperationHandlers } from "../src/operation-handlers.js";
import { FakeStore } from "../src/store/fake-store.js";
import { TokenRegistry } from "../src/store/token-registry.js";
import { fakesOver, transports } from "./support/transports.js";

const USERS = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const USER = `${USERS}/5a00000000000000000000ff`;

/** A browser page's origin: a dev server on another port than the fake's. */
const ORIGIN = "http://localhost:5173";

/** The CORS headers of an answer. */
function corsOf(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => name.startsWith("access-control-")));
}

describe.each(transports)("$name", ({ transport }) => {
  const fake = trackedFakes(fakesOver(transport));

  describe("CORS, for a browser page on another origin (as the mock grants it)", () => {
    it.each([
      {
        description: "a create",
        path: USERS,
        method: "POST",
        asked: "accept-version,authorization,content-type",
        allowed: "GET, POST",
      },
      {
        description: "a delete",
        path: USER,
        method: "DELETE",
        asked: "authorization",
        allowed: "GET, DELETE, PATCH",
      },
    ])(
      "the preflight of $description is a 204 allowing the path's methods and the headers asked for",
      async ({ path, method, asked, allowed }) => {
        const answer = await callFake(fake(), "OPTIONS", path, {
          token: null,
          headers: {
            origin: ORIGIN,
            "access-control-request-method": method,
            "access-control-request-headers": asked,
          },
        });
        expect(answer.status).toBe(204);
        expect(answer.text).toBe("");
        expect(corsOf(answer.headers)).toEqual({
          "access-control-allow-origin": ORIGIN,
          "access-control-allow-credentials": "true",
          "access-control-allow-methods": allowed,
          "access-control-allow-headers": asked,
          "access-control-expose-headers": "*",
          "access-control-max-age": "600",
        });
      },
    );

    it.each<{
      description: string;
      path: string;
      token: null | undefined;
      query: Record<string, string>;
      status: number;
    }>([
      { description: "a list", path: USERS, token: undefined, query: {}, status: 200 },
      { description: "a call without a token", path: USERS, token: null, query: {}, status: 401 },
      {
        description: "a bad query",
        path: USERS,
        token: undefined,
        query: { perPage: "0" },
        status: 400,
      },
      { description: "an unknown user", path: USER, token: undefined, query: {}, status: 404 },
    ])(
      "the answer to $description ($status) lets the page read it",
      async ({ path, token, query, status }) => {
        const answer = await callFake(fake(), "GET", path, {
          token,
          query,
          headers: { origin: ORIGIN },
        });
        expect(answer.status).toBe(status);
        expect(corsOf(answer.headers)).toEqual({
          "access-control-allow-origin": ORIGIN,
          "access-control-allow-credentials": "true",
          "access-control-expose-headers": "*",
        });
        expect(answer.headers.get("vary")).toBe("origin");
      },
    );

    it("sends no CORS header to a request without Origin", async () => {
      const answer = await callFake(fake(), "GET", USERS);
      expect(answer.status).toBe(200);
      expect(corsOf(answer.headers)).toEqual({});
    });
  });

  describe("routes", () => {
    it.each([
      { description: "an unknown path", method: "GET", path: "/nope" },
      { description: "the API root", method: "GET", path: "/" },
      { description: "a trailing slash", method: "GET", path: `${USERS}/` },
      { description: "a path under a user", method: "GET", path: `${USER}/extra` },
    ])("$description is a 404 Error", async ({ method, path }) => {
      const answer = await callFake(fake(), method, path);
      expect(answer).toMatchObject({ status: 404, body: { type: "NotFound" } });
    });

    it.each([
      { method: "PUT", path: USERS, allow: "GET, POST" },
      { method: "DELETE", path: USERS, allow: "GET, POST" },
      { method: "POST", path: USER, allow: "GET, DELETE, PATCH" },
      { method: "OPTIONS", path: USER, allow: "GET, DELETE, PATCH" },
    ])(
      "$method on a known path is a 405 Error allowing $allow",
      async ({ method, path, allow }) => {
        const answer = await callFake(fake(), method, path);
        expect(answer).toMatchObject({ status: 405, body: { type: "MethodNotAllowed" } });
        expect(answer.headers.get("allow")).toBe(allow);
      },
    );

    it("answers a preflight of an unknown path with a 404 Error", async () => {
      const answer = await callFake(fake(), "OPTIONS", "/nope", {
        token: null,
        headers: { origin: ORIGIN, "access-control-request-method": "GET" },
      });
      expect(answer).toMatchObject({ status: 404, body: { type: "NotFound" } });
    });

    it("answers HEAD like GET, without a body", async () => {
      const answer = await callFake(fake(), "HEAD", USERS);
      expect(answer).toMatchObject({ status: 200, body: undefined });
    });

    it("never lets a malformed id reach another route", async () => {
      for (const path of [
        "/applications/xyz/experience/users",
        `${USERS}/abc`,
        `${USERS}/..%2F..`,
        `${USERS}/%00`,
      ]) {
        const answer = await callFake(fake(), "GET", path);
        expect(answer.status, path).toBe(400);
        expect((answer.body as { type: string }).type).toBe("Validation");
      }
    });

    it("ignores unknown query parameters and accepts losantdomain", async () => {
      const answer = await callFake(fake(), "GET", `${USERS}?utm=1&__proto__=x`, {
        headers: { losantdomain: "example.com" },
      });
      expect(answer.status).toBe(200);
    });
  });

  describe("request bodies", () => {
    const post = (
      body: BodyInit,
      headers: Record<string, string> = { "content-type": "application/json" },
    ) => callFake(fake(), "POST", USERS, { body, headers });

    it("lists every violation of the body", async () => {
      const answer = await post(JSON.stringify({ email: "nope", password: "short", extra: 1 }));
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        type: "Validation",
        message:
          '/body must NOT have additional properties ("extra"); /body/email must match format "email"; /body/password must NOT have fewer than 8 characters',
      });
    });

    it.each([
      { description: "null", body: "null" },
      { description: "an array", body: "[]" },
      { description: "a number", body: "123" },
      { description: "a string", body: '"user"' },
    ])("refuses $description as a body", async ({ body }) => {
      const answer = await post(body);
      expect(answer).toMatchObject({
        status: 400,
        body: { type: "Validation", message: "/body must be object" },
      });
    });

    it("refuses malformed JSON without echoing it", async () => {
      const answer = await post('{"password": "hunter22hunter22" ');
      expect(answer).toMatchObject({
        status: 400,
        body: { type: "BadRequest", message: "Request body is not valid JSON" },
      });
      expect(JSON.stringify(answer.body)).not.toContain("hunter22");
    });

    it("refuses a body that is not UTF-8", async () => {
      const answer = await post(new Uint8Array([0x7b, 0xff, 0x7d]));
      expect(answer).toMatchObject({ status: 400, body: { type: "BadRequest" } });
    });

    it("asks for a body when there is none", async () => {
      const answer = await callFake(fake(), "POST", USERS);
      expect(answer).toMatchObject({
        status: 400,
        body: { message: "/ must have required property 'body'" },
      });
    });

    it.each<{ description: string; headers: Record<string, string> }>([
      { description: "text/plain", headers: { "content-type": "text/plain" } },
      { description: "a form", headers: { "content-type": "application/x-www-form-urlencoded" } },
      { description: "no content type", headers: {} },
    ])("answers 415 to $description", async ({ headers }) => {
      const answer = await post('{"email":"a@b.co","password":"password-1"}', headers);
      expect(answer).toMatchObject({ status: 415, body: { type: "UnsupportedMediaType" } });
    });

    it("accepts a JSON media type with parameters or a +json suffix", async () => {
      const f = fake();
      const created = await callFake(f, "POST", USERS, {
        body: '{"email":"a@b.co","password":"password-1"}',
        headers: { "content-type": "Application/JSON; charset=utf-8" },
      });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      const patched = await callFake(f, "PATCH", `${USERS}/${id}`, {
        body: '{"firstName":"Ann"}',
        headers: { "content-type": "application/merge-patch+json" },
      });
      expect(patched.status).toBe(200);
    });

    it("answers 413 past 1 MiB, declared or streamed", async () => {
      const big = JSON.stringify({ email: "a@b.co", password: "x".repeat(1024 * 1024) });
      expect((await post(big)).status).toBe(413);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(100 * 1024).fill(0x20));
          controller.close();
        },
      });
      const f = fake();
      const response = await f.fetch(USERS, {
        method: "POST",
        headers: { authorization: `Bearer ${f.token}`, "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ type: "PayloadTooLarge" });
    });
  });

  describe("query parameters", () => {
    it("refuses a query that is not JSON", async () => {
      const answer = await callFake(
        fake(),
        "GET",
        `${USERS}?query=${encodeURIComponent("{firstName:")}`,
      );
      expect(answer).toMatchObject({
        status: 400,
        body: { type: "Validation", message: "/query/query must be valid JSON" },
      });
    });

    it("lists every invalid parameter at once", async () => {
      const answer = await callFake(
        fake(),
        "GET",
        `${USERS}?page=-1&perPage=5000&sortField=password&sortDirection=up&filterField=password&experienceGroupId=all&includeAncestorGroups=1`,
      );
      expect(answer.status).toBe(400);
      const message = (answer.body as { message: string }).message;
      for (const name of [
        "sortField",
        "sortDirection",
        "page",
        "perPage",
        "filterField",
        "experienceGroupId",
      ]) {
        expect(message).toContain(`/query/${name} `);
      }
      // A string to the API, "if set": any value is accepted.
      expect(message).not.toContain("includeAncestorGroups");
    });

    it("answers a deeply nested query with a 400, never a crash", async () => {
      const depth = 20_000;
      const query = `${'{"$and":['.repeat(depth)}{}${"]}".repeat(depth)}`;
      const answer = await callFake(fake(), "GET", `${USERS}?query=${encodeURIComponent(query)}`);
      expect(answer.status).toBe(400);
    });
  });

  describe("anything a client may send", () => {
    it("is answered with a documented status and an Error body, never a 500", async () => {
      const segment = fc.constantFrom(
        "applications",
        EXAMPLE_APPLICATION_ID,
        "experience",
        "users",
        "5a00000000000000000000ff",
        "x",
        "",
        "%zz",
        "..",
      );
      const body = fc.oneof(
        fc.constant(undefined),
        fc.json(),
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify(v)),
      );
      const f = fake();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom("GET", "POST", "PATCH", "DELETE", "PUT"),
          fc.array(segment, { maxLength: 6 }),
          fc.dictionary(
            fc.constantFrom(
              "page",
              "perPage",
              "sortField",
              "filter",
              "filterField",
              "query",
              "experienceGroupId",
              "includeAncestorGroups",
            ),
            fc.string(),
          ),
          body,
          fc.constantFrom("application/json", "text/plain", undefined),
          fc.constantFrom(f.token, "nope", null),
          async (method, segments, query, payload, type, token) => {
            const search = new URLSearchParams(query).toString();
            const answer = await callFake(
              f,
              method,
              `/${segments.join("/")}${search ? `?${search}` : ""}`,
              {
                token,
                ...(payload === undefined || method === "GET" || method === "DELETE"
                  ? {}
                  : { body: payload }),
                headers: type === undefined ? {} : { "content-type": type },
              },
            );
            expect([200, 201, 400, 401, 403, 404, 405, 415]).toContain(answer.status);
            if (answer.status >= 400)
              expect(Object.keys(answer.body as object).sort()).toEqual(["message", "type"]);
          },
        ),
        { numRuns: 300 },
      );
      f.reset();
    });
  });

  describe("the last resort", () => {
    function router(options: { validateResponses: boolean; broken?: "throws" | "invalid" }) {
      const faults: FakeFault[] = [];
      const store = new FakeStore(() => new Date());
      store.addApplication({ id: EXAMPLE_APPLICATION_ID });
      const tokens = new TokenRegistry();
      tokens.add("t", operations.listExperienceUsers.scopes);
      const handlers = createOperationHandlers(store);
      if (options.broken === "throws") {
        handlers.listExperienceUsers = () => {
          throw new Error("a handler bug");
        };
      }
      if (options.broken === "invalid") {
        handlers.listExperienceUsers = () =>
          ({ items: [{ id: "not-an-id" }], count: "one" }) as never;
      }
      const send = createResponder({
        validateResponses: options.validateResponses,
        onFault: (f) => faults.push(f),
      });
      const dispatch = createDispatch({ tokens, handlers, bodyLimit: 1024, send }, (f) =>
        faults.push(f),
      );
      const served = transport.serve(dispatch);
      onTestFinished(served.close);
      const list = () => served.send(USERS, { headers: { authorization: "Bearer t" } });
      return { faults, list };
    }

    it("answers a handler that throws with an Error-shaped 500, and records it", async () => {
      const { faults, list } = router({ validateResponses: true, broken: "throws" });
      const response = await list();
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        type: "InternalError",
        message: "The fake server failed on this request (see its faults)",
      });
      expect(faults).toMatchObject([{ kind: "handler-error", message: "Error: a handler bug" }]);
    });

    it("replaces a response that fails its validator with a 500 naming the violations", async () => {
      const { faults, list } = router({ validateResponses: true, broken: "invalid" });
      const response = await list();
      expect(response.status).toBe(500);
      const body = (await response.json()) as { message: string };
      expect(body.message).toContain("listExperienceUsers 200 response");
      expect(body.message).toContain("/items/0/id must match pattern");
      expect(body.message).toContain("/count must be integer");
      expect(faults).toMatchObject([
        { kind: "invalid-response", operationId: "listExperienceUsers" },
      ]);
    });

    it("lets it through when response validation is off (the default)", async () => {
      const { faults, list } = router({ validateResponses: false, broken: "invalid" });
      expect((await list()).status).toBe(200);
      expect(faults).toEqual([]);
    });
  });
});

describe("the in-process fetch", () => {
  const fake = trackedFakes(createFakeServer);

  it("takes a path, a URL string, a URL or a Request", async () => {
    const f = fake();
    const headers = { authorization: `Bearer ${f.token}` };
    const answers = await Promise.all([
      f.fetch(USERS, { headers }),
      f.fetch(`${f.baseUrl}${USERS}`, { headers }),
      f.fetch(new URL(USERS, "http://elsewhere.example")),
      f.fetch(new Request(`http://any.host${USERS}`, { headers })),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 200]);
  });

  it("returns to its starting state on reset", async () => {
    const f = fake();
    f.addToken("extra", ["all.User"]);
    await callFake(f, "POST", USERS, { json: { email: "a@b.co", password: "password-1" } });
    f.reset();
    expect(f.store.users(EXAMPLE_APPLICATION_ID)).toEqual([]);
    expect((await callFake(f, "GET", USERS, { token: "extra" })).status).toBe(401);
    expect(f.store.applications()).toEqual([
      { id: EXAMPLE_APPLICATION_ID, name: "Example Application" },
    ]);
  });

  it("mounts under a prefix of another Hono app through fake.app", async () => {
    const f = fake();
    const outer = new Hono().mount("/api", f.app.fetch);
    const headers = { authorization: `Bearer ${f.token}` };
    const listed = await outer.request(`/api${USERS}`, { headers });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ items: [], applicationId: EXAMPLE_APPLICATION_ID });
    expect((await outer.request(`/api${USER}`, { method: "PUT", headers })).status).toBe(405);
  });

  it("keeps instances apart", async () => {
    const [a, b] = [fake(), fake()];
    await callFake(a, "POST", USERS, { json: { email: "a@b.co", password: "password-1" } });
    expect(a.store.users(EXAMPLE_APPLICATION_ID)).toHaveLength(1);
    expect(b.store.users(EXAMPLE_APPLICATION_ID)).toHaveLength(0);
  });
});
