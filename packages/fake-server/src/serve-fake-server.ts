import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { DEFAULT_HOST, DEFAULT_PORT } from "./constants.js";
import { createFakeServer, type FakeServer, type FakeServerOptions } from "./create-fake-server.js";

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

type Fetch = (request: Request) => Promise<Response> | Response;

function logged(fetch: Fetch, log: (line: string) => void): Fetch {
  return async (request) => {
    const started = performance.now();
    const response = await fetch(request);
    const elapsed = Math.round(performance.now() - started);
    log(`${request.method} ${new URL(request.url).pathname} ${response.status} ${elapsed}ms`);
    return response;
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Starts a fake on `http://127.0.0.1:4020` (or the given host and port). */
export function serveFakeServer(options: ServeFakeServerOptions = {}): Promise<ServedFakeServer> {
  const fake = createFakeServer(options);
  const host = options.host ?? DEFAULT_HOST;
  const appFetch: Fetch = (request) => fake.app.fetch(request);
  const fetch = options.log ? logged(appFetch, options.log) : appFetch;
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch, port: options.port ?? DEFAULT_PORT, hostname: host, overrideGlobalObjects: false },
      (info) => {
        server.off("error", reject);
        const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          port: info.port,
          fake,
          close: () => closeServer(server as Server),
        });
      },
    ) as Server;
    server.once("error", reject);
  });
}
