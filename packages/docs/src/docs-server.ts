import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";

/** The page `npm run docs` writes: this package's `dist/index.html`. */
export const PAGE_FILE = fileURLToPath(new URL("../dist/index.html", import.meta.url));

/**
 * An HTTP server (not listening yet) that answers every GET and HEAD with the docs page, read
 * afresh each time so a rebuilt page is served at once. Redoc routes in the browser, so a
 * reloaded deep link gets the same file. Other methods get 405; a missing page, 500.
 */
export function createDocsServer(page: string = PAGE_FILE): Server {
  return createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    readFile(page).then(
      (html) => {
        response.writeHead(200, {
          "Content-Type": "text/html; charset=utf-8",
          "Content-Length": html.byteLength,
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        });
        response.end(request.method === "HEAD" ? undefined : html);
      },
      (error: NodeJS.ErrnoException) => {
        response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        response.end(`cannot read ${page} (${error.code}); build it with \`npm run docs\`\n`);
      },
    );
  });
}
