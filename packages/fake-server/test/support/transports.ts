import { createServer, type Server } from "node:http";
import { afterEach } from "vitest";
import { buildFake } from "../../src/create-fake-server.js";
import type { Dispatch } from "../../src/http/dispatch.js";
import { createFetchHandler } from "../../src/http/fetch-handler.js";
import type { FakeServer, FakeServerOptions } from "../../src/index.js";
import { answerClientError, createNodeListener } from "../../src/node/node-listener.js";

/** Sends one request (a path and a fetch init) through one of the fake's adapters. */
type Sender = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * How a test reaches a fake's dispatch: its fetch handler (in process, as `fake.fetch` and MSW
 * do), or its node:http listener on a free port (as `serveFakeServer` does). The same steps
 * answer both; tests that run over both check that neither adapter changes an answer.
 */
export interface Transport {
  readonly name: string;
  /** Starts serving a dispatch; `close` stops it. */
  serve(dispatch: Dispatch): { send: Sender; close: () => Promise<void> };
}

export const inProcess: Transport = {
  name: "in process (fetch handler)",
  serve(dispatch) {
    const handle = createFetchHandler(dispatch);
    return {
      send: (path, init) => handle(new Request(`http://fake.local${path}`, init)),
      close: async () => undefined,
    };
  },
};

function listening(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("no TCP address"));
      else resolve(`http://127.0.0.1:${address.port}`);
    });
  });
}

/**
 * Its server takes headers up to 1 MiB (Node's default: 16 KiB, answered 431 by
 * answerClientError), so that a query nested too deeply for the validators reaches the fake.
 */
export const overHttp: Transport = {
  name: "over HTTP (node:http listener)",
  serve(dispatch) {
    const server = createServer({ maxHeaderSize: 1024 * 1024 }, createNodeListener(dispatch));
    server.on("clientError", answerClientError);
    const url = listening(server);
    return {
      send: async (path, init) => fetch(`${await url}${path}`, init),
      close: async () => {
        await url;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  },
};

/** Both transports, for `describe.each(transports)("... $name", ({ transport }) => ...)`. */
export const transports = [inProcess, overHttp].map((transport) => ({
  transport,
  name: transport.name,
}));

/**
 * Makes fakes whose `fetch` goes through `transport` (for `trackedFakes` and `callFake`); the
 * servers they need are stopped after each test.
 */
export function fakesOver(transport: Transport): (options: FakeServerOptions) => FakeServer {
  const open: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of open.splice(0)) await close();
  });
  return (options) => {
    const { fake, dispatch } = buildFake(options);
    const { send, close } = transport.serve(dispatch);
    open.push(close);
    return { ...fake, fetch: (input, init) => send(String(input), init) };
  };
}
