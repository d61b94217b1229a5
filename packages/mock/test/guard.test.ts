import { once } from "node:events";
import { request } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../src/free-port.js";
import { createGuard } from "../src/guard/create-guard.js";
import { type GuardUnderTest, guardWithStandIn } from "./support/stand-in-upstream.js";

const APP = "575ec8687ae143cd83dc4a97";
const USERS = `/applications/${APP}/experience/users`;
const USER = `${USERS}/575ed78e7ae143cd83dc4aab`;
const AUTH = { authorization: "Bearer token" };
const JSON_TYPE = { "content-type": "application/json" };
const valid = { email: "ada@example.com", password: "correct horse" };

let guard: GuardUnderTest | undefined;
afterEach(async () => {
  await guard?.close();
  guard = undefined;
});

async function start(options: Parameters<typeof guardWithStandIn>[0] = {}) {
  guard = await guardWithStandIn(options);
  return guard;
}

async function send(path: string, init: RequestInit = {}) {
  const response = await fetch(`${(guard as GuardUnderTest).url}${path}`, {
    ...init,
    headers: { ...AUTH, ...(init.headers as Record<string, string>) },
    signal: init.signal ?? AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body };
}

/** node:http, which (unlike fetch) sends a body with a GET. */
function sendWithBody(method: string, path: string, body: string) {
  return new Promise<number>((resolve, reject) => {
    const call = request(`${(guard as GuardUnderTest).url}${path}`, {
      method,
      headers: { ...AUTH, ...JSON_TYPE, "content-length": Buffer.byteLength(body) },
    });
    call.once("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    call.once("error", reject);
    call.end(body);
  });
}

describe("the guard lets valid requests through to Prism", () => {
  it("forwards method, path, query, headers and body, and relays Prism's answer as it is", async () => {
    const { received } = await start();
    const answer = await send(`${USERS}?perPage=5&_links=true`, {
      method: "POST",
      headers: { ...JSON_TYPE, prefer: "code=201", "accept-version": "^1.20.1" },
      body: JSON.stringify(valid),
    });
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: "POST",
      url: `${USERS}?perPage=5&_links=true`,
      body: JSON.stringify(valid),
      headers: {
        authorization: "Bearer token",
        prefer: "code=201",
        "accept-version": "^1.20.1",
        "content-type": "application/json",
        "content-length": String(JSON.stringify(valid).length),
      },
    });
  });

  it.each([
    { description: "DELETE with {} (losant-rest's body)", method: "DELETE", path: USER },
    { description: "GET of a user with a JSON body", method: "GET", path: USER },
    { description: "GET of the list with a JSON body", method: "GET", path: USERS },
  ])("$description: the body and its content headers are dropped", async ({ method, path }) => {
    const { received } = await start();
    expect(await sendWithBody(method, path, "{}")).toBe(200);
    expect(received[0]?.body).toBe("");
    expect(received[0]?.headers).not.toHaveProperty("content-type");
    expect(received[0]?.headers).not.toHaveProperty("content-length");
    expect(received[0]?.headers).not.toHaveProperty("transfer-encoding");
  });

  it("drops a query name that differs from a declared one only in case; keeps the others", async () => {
    const { received } = await start();
    await send(`${USERS}?PERPAGE=abc&perPage=5&__code=404&_embedded=true`);
    expect(received[0]?.url).toBe(`${USERS}?perPage=5&__code=404&_embedded=true`);
  });

  it.each([
    { sent: "bearer token", forwarded: "Bearer token" },
    { sent: "BEARER token", forwarded: "Bearer token" },
    { sent: "Bearer token", forwarded: "Bearer token" },
    { sent: "Basic dXNlcjpwYXNz", forwarded: "Basic dXNlcjpwYXNz" },
    { sent: "bearertoken", forwarded: "bearertoken" },
  ])("spells the auth scheme of '$sent' Prism's way: '$forwarded'", async ({ sent, forwarded }) => {
    const { received } = await start();
    await send(USERS, { headers: { authorization: sent } });
    expect(received[0]?.headers.authorization).toBe(forwarded);
  });

  it("passes any other route to Prism untouched, body included", async () => {
    const { received } = await start();
    await send(`/applications/${APP}/devices`, {
      method: "PUT",
      headers: JSON_TYPE,
      body: "not json",
    });
    expect(received[0]).toMatchObject({ method: "PUT", body: "not json" });
  });
});

describe("an invalid request gets the fake's Error, not Prism's example", () => {
  it.each([
    {
      description: "a short password and an unknown property",
      path: USERS,
      init: {
        method: "POST",
        headers: JSON_TYPE,
        body: JSON.stringify({ ...valid, password: "12345", nickname: "x" }),
      },
      expected: {
        status: 400,
        body: {
          type: "Validation",
          message:
            '/body must NOT have additional properties ("nickname"); /body/password must NOT have fewer than 8 characters',
        },
      },
    },
    {
      description: "sortField=bogus",
      path: `${USERS}?sortField=bogus`,
      init: {},
      expected: {
        status: 400,
        body: {
          type: "Validation",
          message: "/query/sortField must be equal to one of the allowed values",
        },
      },
    },
    {
      description: "a query that is not JSON",
      path: `${USERS}?query=nope`,
      init: {},
      expected: {
        status: 400,
        body: { type: "Validation", message: "/query/query must be valid JSON" },
      },
    },
    {
      description: "an advanced query on an unknown field",
      path: `${USERS}?query=${encodeURIComponent('{"nope":1}')}`,
      init: {},
      expected: {
        status: 400,
        body: {
          type: "Validation",
          message: '/query/query must NOT have additional properties ("nope")',
        },
      },
    },
    {
      description: "a body that is not JSON",
      path: USERS,
      init: { method: "POST", headers: JSON_TYPE, body: "not json{" },
      expected: {
        status: 400,
        body: { type: "BadRequest", message: "Request body is not valid JSON" },
      },
    },
    {
      description: "a body that is not UTF-8",
      path: USERS,
      init: { method: "POST", headers: JSON_TYPE, body: new Uint8Array([0x22, 0xff, 0x22]) },
      expected: {
        status: 400,
        body: { type: "BadRequest", message: "Request body is not valid UTF-8" },
      },
    },
    {
      description: "a body that is not declared as JSON",
      path: USERS,
      init: { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" },
      expected: {
        status: 415,
        body: { type: "UnsupportedMediaType", message: "Content-Type must be application/json" },
      },
    },
    {
      description: "a create without a body",
      path: USERS,
      init: { method: "POST" },
      expected: {
        status: 400,
        body: { type: "Validation", message: "/ must have required property 'body'" },
      },
    },
  ])("$description", async ({ path, init, expected }) => {
    const { received } = await start();
    const answer = await send(path, init);
    expect(answer).toMatchObject(expected);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(received[0]?.body, "Prism gets no body the guard refused").toBe("");
  });

  it("leaves authentication to Prism: its 401 wins over the violations", async () => {
    const unauthorized = { type: "Unauthorized", message: "Authorization failed" };
    const g = await start();
    g.respond(() => ({ status: 401, headers: JSON_TYPE, body: JSON.stringify(unauthorized) }));
    expect(await send(`${USERS}?page=-1`)).toMatchObject({ status: 401, body: unauthorized });
  });

  it("keeps Prism's CORS headers on its own answers, not Prism's sl-violations", async () => {
    const g = await start();
    g.respond(() => ({
      status: 400,
      headers: { ...JSON_TYPE, "access-control-allow-origin": "*", "sl-violations": "[]" },
      body: "{}",
    }));
    const answer = await send(`${USERS}?page=-1`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("sl-violations")).toBeNull();
  });

  it("a 400 Prism gives a request the validators accept is told in Prism's words, never its example", async () => {
    const g = await start();
    const violations = [
      {
        location: ["request", "query", "perpage"],
        severity: "Error",
        code: "type",
        message: "Request query parameter perpage must be integer",
      },
      {
        location: ["request", "body", "email"],
        severity: "Error",
        code: "format",
        message: 'must match format "email"',
      },
    ];
    g.respond(() => ({
      status: 400,
      headers: { ...JSON_TYPE, "sl-violations": JSON.stringify(violations) },
      body: JSON.stringify({
        type: "Validation",
        message: "body.password: must NOT have fewer than 8 characters",
      }),
    }));
    expect(await send(USERS)).toMatchObject({
      status: 400,
      body: {
        type: "Validation",
        message:
          'Request query parameter perpage must be integer; body.email: must match format "email"',
      },
    });
  });
});

describe("limits: a request never hangs the mock", () => {
  it("413 at once for a body declared larger than the limit, before it is sent", async () => {
    const { port, received } = await start({ bodyLimit: 1_000, bodyTimeout: 5_000 });
    const socket = connect(port, "127.0.0.1");
    await once(socket, "connect");
    socket.write(
      `POST ${USERS} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n`,
    );
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    const started = Date.now();
    await once(socket, "close");
    expect(Date.now() - started, "answered before the body timeout").toBeLessThan(4_000);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain(
      '{"type":"PayloadTooLarge","message":"Request body is larger than 1000 bytes"}',
    );
    expect(received[0]?.body, "Prism gets no body").toBe("");
  });

  it("413 for a streamed body that grows past the limit", async () => {
    await start({ bodyLimit: 64 * 1024 });
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 16) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const answer = await send(USERS, {
      method: "POST",
      headers: JSON_TYPE,
      body,
      duplex: "half",
    } as RequestInit);
    expect(answer).toMatchObject({ status: 413, body: { type: "PayloadTooLarge" } });
  });

  it("408 for a body that stops arriving, within the body timeout", async () => {
    const { port, received } = await start({ bodyTimeout: 300 });
    const socket = connect(port, "127.0.0.1");
    await once(socket, "connect");
    socket.write(
      `POST ${USERS} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":`,
    );
    const started = Date.now();
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    await once(socket, "close");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain(
      '{"type":"RequestTimeout","message":"Request body was not received within 300 ms"}',
    );
    expect(received).toHaveLength(0);
  });

  it("closes a connection whose headers never finish, within the headers timeout", async () => {
    const { port } = await start({ headersTimeout: 500 });
    const socket = connect(port, "127.0.0.1");
    await once(socket, "connect");
    socket.write(`GET ${USERS} HTTP/1.1\r\nHost: x\r\n`);
    socket.on("data", () => undefined);
    const started = Date.now();
    await once(socket, "close");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("aborts the request to Prism when the client goes away", async () => {
    const g = await start();
    g.respond(() => "never");
    const client = new AbortController();
    const pending = send(USER, { signal: client.signal }).catch((error: unknown) => error);
    while (g.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    client.abort();
    await pending;
    expect(await g.abandoned(1)).toBe(true);
  });

  it("502 when Prism cannot be reached", async () => {
    const nothing = await freePort();
    const lone = createGuard({ upstream: { host: "127.0.0.1", port: nothing } }).listen(
      0,
      "127.0.0.1",
    );
    await once(lone, "listening");
    try {
      const { port } = lone.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}${USER}`, { headers: AUTH });
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({
        type: "BadGateway",
        message: "Prism, behind the guard, could not be reached",
      });
    } finally {
      lone.close();
    }
  });

  it("504 when Prism does not answer within the upstream timeout", async () => {
    const g = await start({ upstreamTimeout: 300 });
    g.respond(() => "never");
    const started = Date.now();
    expect(await send(USER)).toMatchObject({
      status: 504,
      body: { type: "GatewayTimeout", message: "Prism did not answer within 300 ms" },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await g.abandoned(1)).toBe(true);
  });
});
