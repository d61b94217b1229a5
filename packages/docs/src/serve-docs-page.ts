import { once } from "node:events";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createDocsServer, PAGE_FILE } from "./docs-server.js";

/** Where `npm run docs` and `npm start` serve the page unless told otherwise. */
export const DEFAULT_PORT = 4011;

/** Options of {@link serveDocs}. */
export interface ServeDocsOptions {
  /** @default 4011 (0 picks a free port) */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** @default PAGE_FILE (this package's built `dist/index.html`) */
  readonly page?: string;
}

/** The docs page, served. */
export interface ServedDocs {
  /** E.g. `http://127.0.0.1:4011/`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Serves the built docs page (see {@link createDocsServer}) on `host:port`. Rejects when the page
 * has not been built (`npm run docs`) or the port cannot be listened on.
 */
export async function serveDocs(options: ServeDocsOptions = {}): Promise<ServedDocs> {
  const page = options.page ?? PAGE_FILE;
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? DEFAULT_PORT;
  if (!existsSync(page)) throw new Error(`${page} does not exist; build it with \`npm run docs\``);
  const server = createDocsServer(page).listen(port, host);
  try {
    await once(server, "listening");
  } catch (error) {
    throw new Error(`cannot listen on ${host}:${port}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
