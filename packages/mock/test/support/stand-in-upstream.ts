import { once } from "node:events";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { createGuard, type GuardOptions } from "../../src/guard/create-guard.js";

/** One request the stand-in received, as Prism would have. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the stand-in answers; `"never"` keeps the request open without answering. */
export type Respond = (
  received: Received,
) => { status: number; headers?: Record<string, string>; body?: string } | "never";

/** A node:http server standing in for Prism behind the guard, with the guard in front of it. */
export interface GuardUnderTest {
  /** The guard's base URL. */
  readonly url: string;
  readonly port: number;
  /** Every request that reached the stand-in. */
  readonly received: Received[];
  /**
   * Resolves when the stand-in's n-th request (1-based) is over: true when the guard abandoned it
   * before it was answered, false when it was answered.
   */
  abandoned(n: number): Promise<boolean>;
  /** What the stand-in answers from now on. */
  respond(with_: Respond): void;
  close(): Promise<void>;
}

const ok: Respond = () => ({
  status: 200,
  headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
  body: '{"ok":true}',
});

async function listen(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the stand-in and a guard in front of it, both on free loopback ports. */
export async function guardWithStandIn(
  options: Omit<GuardOptions, "upstream"> = {},
): Promise<GuardUnderTest> {
  const received: Received[] = [];
  const abandoned: Promise<boolean>[] = [];
  let respond = ok;
  const upstream = createServer((request: IncomingMessage, response: ServerResponse) => {
    abandoned.push(once(response, "close").then(() => !response.writableFinished));
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(seen);
      const answer = respond(seen);
      if (answer === "never") return;
      response.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? "");
    });
  });
  const upstreamPort = await listen(upstream);
  const guard = createGuard({ ...options, upstream: { host: "127.0.0.1", port: upstreamPort } });
  const port = await listen(guard);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    abandoned: async (n) => {
      while (abandoned.length < n) await new Promise((resolve) => setTimeout(resolve, 10));
      return abandoned[n - 1] as Promise<boolean>;
    },
    respond: (with_) => {
      respond = with_;
    },
    close: async () => {
      await close(guard);
      await close(upstream);
    },
  };
}
