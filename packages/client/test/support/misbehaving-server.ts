import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** Which connection it came on: 1 for the server's first, and so on. */
  connection: number;
}

/** What the behaviour knows besides the request: when its connection last finished an answer. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  body: string;
  /** Milliseconds since this connection's previous answer ended; undefined on a new connection. */
  idleFor: number | undefined;
  /** 1 for the first request since the behaviour was set, and so on. */
  count: number;
}

/** How the server answers the next requests. */
export type Behaviour = (exchange: Exchange) => void;

/**
 * A local HTTP server (127.0.0.1, a free port) whose behaviour each test sets, that records what
 * it is sent. `close()` ends it and every connection.
 */
export async function startMisbehavingServer() {
  let behaviour: Behaviour = ({ res }) => res.end();
  let seen: SeenRequest[] = [];
  let connections = 0;
  const ids = new WeakMap<Socket, number>();
  const lastAnswer = new WeakMap<Socket, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const socket = req.socket;
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        connection: ids.get(socket) ?? 0,
      });
      const last = lastAnswer.get(socket);
      res.on("finish", () => lastAnswer.set(socket, performance.now()));
      behaviour({
        req,
        res,
        body,
        idleFor: last === undefined ? undefined : performance.now() - last,
        count: seen.length,
      });
    });
  });
  server.on("connection", (socket: Socket) => ids.set(socket, ++connections));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** Sets the behaviour and forgets what was seen so far. */
    set(next: Behaviour) {
      behaviour = next;
      seen = [];
    },
    /** The requests seen since the behaviour was set. */
    seen: () => seen,
    /** Stops accepting connections (the port then refuses them) without forgetting state. */
    pause: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    /** Accepts connections on the same port again. */
    resume: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: async () => {
      server.closeAllConnections();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type MisbehavingServer = Awaited<ReturnType<typeof startMisbehavingServer>>;
