import { createServer, type Server } from "node:http";
import { DEFAULT_HOST, DEFAULT_PORT } from "./constants.js";
import { buildFake, type FakeServer, type FakeServerOptions } from "./create-fake-server.js";
import { answerClientError, createNodeListener } from "./node/node-listener.js";

/** Options of {@link serveFakeServer}: those of {@link createFakeServer}, plus where to listen. */
export interface ServeFakeServerOptions extends FakeServerOptions {
  /** Default 4020; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1` (loopback only). */
  host?: string;
  /** Called with one line per answered request (method, path, status, milliseconds; no bodies); `false` or absent: no log. */
  log?: ((line: string) => void) | false;
}

/** A fake listening over HTTP. */
export interface ServedFakeServer {
  /** E.g. `http://127.0.0.1:4020`: the client's `baseUrl`. */
  readonly url: string;
  readonly port: number;
  /** The fake behind it: its store, tokens, faults and reset. */
  readonly fake: FakeServer;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Starts a fake on `http://127.0.0.1:4020` (or the given host and port). */
export function serveFakeServer(options: ServeFakeServerOptions = {}): Promise<ServedFakeServer> {
  const { fake, dispatch } = buildFake(options);
  const host = options.host ?? DEFAULT_HOST;
  const server = createServer(createNodeListener(dispatch, options.log || undefined));
  server.on("clientError", answerClientError);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      const info = server.address();
      if (info === null || typeof info === "string") throw new Error("not listening on TCP");
      const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        fake,
        close: () => closeServer(server),
      });
    });
  });
}
