import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One file of a {@link serveStaticSite}: its media type and its text. */
export interface SiteFile {
  readonly type: string;
  readonly body: string;
}

/** A local site on a free 127.0.0.1 port: a secure context for service workers. */
export interface StaticSite {
  readonly url: string;
  /** Every path asked for, in order. */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

/** Serves fixed files by path (404 for anything else) until `close()`. */
export async function serveStaticSite(files: Record<string, SiteFile>): Promise<StaticSite> {
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    requested.push(path);
    const file = Object.hasOwn(files, path) ? files[path] : undefined;
    response.writeHead(file ? 200 : 404, {
      "content-type": file?.type ?? "text/plain",
      "cache-control": "no-store",
    });
    response.end(file?.body ?? "not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
