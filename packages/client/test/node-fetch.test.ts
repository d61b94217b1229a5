import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, createClient, NetworkError, TimeoutError } from "@experience-users/client";
import {
  createNodeFetch,
  LightHeaders,
  LightRequest,
  LightResponse,
} from "@experience-users/client/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, USER_ID } from "./support/fixtures.js";

const USER = USER_ID;
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end();
let server: Server;
let baseUrl = "";
const nodeFetch = createNodeFetch();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await nodeFetch.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function jsonHandler(status: number, payload: unknown): Handler {
  return (_req, _body, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(payload));
  };
}

describe("createNodeFetch", () => {
  it("sends method, path, query, headers and body, and answers with a Response-compatible LightResponse", async () => {
    let seen: {
      method?: string;
      url?: string;
      headers?: IncomingMessage["headers"];
      body?: string;
    } = {};
    handler = (req, body, res) => {
      seen = { method: req.method, url: req.url, headers: req.headers, body };
      jsonHandler(201, { id: USER })(req, body, res);
    };
    const client = createClient({ token: "tok", baseUrl, fetch: nodeFetch });
    const created = await client.users.create(
      { applicationId: APP },
      { email: "a@example.com", password: "aUserPassword" },
    );
    expect(created).toEqual({ id: USER });
    expect(seen).toMatchObject({
      method: "POST",
      url: `/applications/${APP}/experience/users`,
      body: '{"email":"a@example.com","password":"aUserPassword"}',
      headers: expect.objectContaining({
        authorization: "Bearer tok",
        "content-type": "application/json",
      }),
    });
    const response = await nodeFetch(new Request(`${baseUrl}/x?a=1`));
    expect(response).toBeInstanceOf(LightResponse);
    expect(response).toMatchObject({ status: 201, ok: true, url: `${baseUrl}/x?a=1` });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.clone().json()).toEqual({ id: USER });
    expect(await response.text()).toBe(`{"id":"${USER}"}`);
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe(`{"id":"${USER}"}`);
    expect(await (await response.blob()).text()).toBe(`{"id":"${USER}"}`);
    expect(await new Response(response.body).text()).toBe(`{"id":"${USER}"}`);
  });

  it("takes standard Requests with bodies as well as the client's light ones", async () => {
    let seen = "";
    handler = (_req, body, res) => {
      seen = body;
      res.end("{}");
    };
    await nodeFetch(new Request(`${baseUrl}/echo`, { method: "POST", body: '{"a":1}' }));
    expect(seen).toBe('{"a":1}');
    await nodeFetch(new LightRequest(`${baseUrl}/echo`, { method: "PATCH", body: '{"b":2}' }));
    expect(seen).toBe('{"b":2}');
  });

  it("carries error statuses to the client's ApiError", async () => {
    handler = jsonHandler(404, { type: "NotFound", message: "Experience user was not found" });
    const client = createClient({ token: "t", baseUrl, fetch: nodeFetch });
    await expect(
      client.users.get({ applicationId: APP, experienceUserId: USER }),
    ).rejects.toMatchObject({
      constructor: ApiError,
      status: 404,
      body: { type: "NotFound" },
    });
  });

  it("answers 204 with a null body", async () => {
    handler = (_req, _body, res) => {
      res.statusCode = 204;
      res.end();
    };
    const response = await nodeFetch(new Request(baseUrl));
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("honours the signal: a stalled answer becomes the client's TimeoutError", async () => {
    handler = () => {};
    const client = createClient({ token: "t", baseUrl, fetch: nodeFetch, timeout: 100 });
    await expect(client.users.list({ applicationId: APP })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("reports a reset connection as the client's NetworkError", async () => {
    handler = (req) => req.socket.destroy();
    const client = createClient({ token: "t", baseUrl, fetch: nodeFetch });
    await expect(client.users.list({ applicationId: APP })).rejects.toBeInstanceOf(NetworkError);
  });

  it("refuses bodies over maxBodySize", async () => {
    handler = (_req, _body, res) => res.end("x".repeat(2048));
    const small = createNodeFetch({ maxBodySize: 1024 });
    await expect(small(new Request(baseUrl))).rejects.toMatchObject({
      code: "ERR_RESPONSE_TOO_LARGE",
      status: 200,
      limit: 1024,
    });
    await small.close();
  });

  it("sends a middleware's change to the fixed headers, and every fixed header otherwise", async () => {
    let seen: IncomingMessage["headers"] = {};
    handler = (req, body, res) => {
      seen = req.headers;
      jsonHandler(200, { id: USER })(req, body, res);
    };
    const client = createClient({
      token: "tok",
      baseUrl,
      fetch: nodeFetch,
      middleware: [
        {
          onRequest: ({ request }) => {
            expect(request.headers.get("authorization")).toBe("Bearer tok");
            request.headers.set("accept-version", "^9.0.0");
          },
        },
      ],
    });
    await client.users.get({ applicationId: APP, experienceUserId: USER });
    expect(seen).toMatchObject({ authorization: "Bearer tok", "accept-version": "^9.0.0" });
    const plain = createClient({
      token: "tok",
      baseUrl,
      fetch: nodeFetch,
      headers: { "x-a": "1" },
    });
    await plain.users.get(
      { applicationId: APP, experienceUserId: USER },
      { headers: { "x-a": "2" } },
    );
    expect(seen).toMatchObject({
      authorization: "Bearer tok",
      "x-a": "2",
      "accept-version": "^1.20.1",
    });
  });

  it("refuses an invalid fixed header at once, without repeating its value", () => {
    expect(() => createClient({ token: "s3cr3t\nvalue", fetch: nodeFetch })).toThrow(
      /valid HTTP header values/,
    );
    try {
      createClient({ token: "s3cr3t\nvalue", fetch: nodeFetch });
    } catch (error) {
      expect(String(error)).not.toContain("s3cr3t");
    }
  });
});

describe("LightRequest", () => {
  it("carries its class's headers under its own, and clones keep both", () => {
    const Carrying = LightRequest.withHeaders({ Authorization: "Bearer t", Accept: "a/b" });
    expect(new Carrying("http://x.test/").headerList()).toEqual([
      "accept",
      "a/b",
      "authorization",
      "Bearer t",
    ]);
    const request = new Carrying("http://x.test/", { headers: new Headers({ accept: "c/d" }) });
    expect(request.headerList()).toEqual(["accept", "c/d", "authorization", "Bearer t"]);
    const copy = request.clone();
    expect(copy).toBeInstanceOf(Carrying);
    expect([...request.headers]).toEqual([
      ["accept", "c/d"],
      ["authorization", "Bearer t"],
    ]);
    expect(copy.headerList()).toEqual(["accept", "c/d", "authorization", "Bearer t"]);
  });
});

describe("LightHeaders", () => {
  it("reads like Headers: any case, repeated fields joined, sorted iteration, Set-Cookie apart", () => {
    const headers = new LightHeaders({
      "x-b": "2",
      "set-cookie": ["a=1", "b=2"],
      "content-type": "application/json",
      vary: ["accept", "origin"],
    });
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(headers.get("vary")).toBe("accept, origin");
    expect(headers.has("X-B")).toBe(true);
    expect(headers.get("missing")).toBeNull();
    expect(headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    const real = new Headers();
    real.append("x-b", "2");
    real.append("set-cookie", "a=1");
    real.append("set-cookie", "b=2");
    real.append("content-type", "application/json");
    real.append("vary", "accept");
    real.append("vary", "origin");
    expect([...headers]).toEqual([...real]);
    expect([...new Headers(headers)]).toEqual([...real]);
    headers.set("x-b", "3");
    headers.delete("vary");
    expect([...headers.keys()]).toEqual(["content-type", "set-cookie", "set-cookie", "x-b"]);
  });
});
