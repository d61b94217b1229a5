import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EXAMPLE_APPLICATION_ID,
  type ServedFakeServer,
  serveFakeServer,
} from "../src/index.node.js";

const USERS = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;

describe("serveFakeServer", () => {
  let server: ServedFakeServer;
  const lines: string[] = [];
  const send = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${server.fake.token}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });

  beforeAll(async () => {
    server = await serveFakeServer({
      port: 0,
      validateResponses: true,
      log: (line) => lines.push(line),
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it("listens on 127.0.0.1 by default", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it("creates, reads and lists users over HTTP", async () => {
    const created = await send(USERS, {
      method: "POST",
      body: JSON.stringify({ email: "http@example.com", password: "password-1" }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const user = (await created.json()) as { id: string };
    expect((await send(`${USERS}/${user.id}`)).status).toBe(200);
    const list = (await (await send(`${USERS}?filterField=email&filter=HTTP*`)).json()) as {
      totalCount: number;
    };
    expect(list.totalCount).toBe(1);
    expect(server.fake.faults).toEqual([]);
  });

  it("answers errors over HTTP with the Error shape", async () => {
    const missing = await send("/nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ type: "NotFound" });
    const unauthorized = await fetch(`${server.url}${USERS}`);
    expect(unauthorized.status).toBe(401);
  });

  it("answers a request line over Node's 16 KiB header limit with an Error-shaped 431", async () => {
    const response = await send(`${USERS}?filter=${"a".repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({
      type: "RequestHeaderFieldsTooLarge",
      message: "The request line and headers are too large (the query string counts)",
    });
  });

  it("answers bytes that are not HTTP with an Error-shaped 400", async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, "127.0.0.1", () => socket.end("NOT HTTP\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => (text += String(chunk)));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer.split("\r\n\r\n")[1]).toBe(
      '{"type":"BadRequest","message":"Malformed HTTP request"}',
    );
  });

  it("streams a body too large without buffering it all", async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await send(USERS, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("logs one line per request, without bodies", () => {
    expect(
      lines.some((line) => /^GET \/applications\/\w{24}\/experience\/users 401 \d+ms$/.test(line)),
    ).toBe(true);
    expect(lines.join("\n")).not.toContain("password-1");
  });

  it("refuses a port that is taken", async () => {
    await expect(serveFakeServer({ port: server.port, validateResponses: true })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});

describe("close", () => {
  it("stops listening, even with a keep-alive connection open", async () => {
    const server = await serveFakeServer({ port: 0, validateResponses: true });
    const response = await fetch(`${server.url}/nope`, { headers: { connection: "keep-alive" } });
    await response.text();
    await server.close();
    await expect(fetch(`${server.url}/nope`)).rejects.toThrow();
  });
});
