import { type HttpHandler, http } from "msw";
import { API_BASE_URL } from "../constants.js";
import type { FakeServer } from "../create-fake-server.js";
import { colonPath, operationsByPath } from "../operation-paths.js";

/** Options of {@link createHandlers}. */
export interface CreateHandlersOptions {
  /**
   * The absolute URL the code under test sends its requests to (the client's `baseUrl`); a path
   * in it (`https://example.com/api`) is a prefix, removed before the fake sees the request.
   * @default "https://api.losant.com" (the spec's server)
   */
  baseUrl?: string;
}

function parseBase(baseUrl: string): { origin: string; prefix: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`createHandlers needs an absolute baseUrl, got ${JSON.stringify(baseUrl)}`);
  }
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, "") };
}

async function withoutPrefix(request: Request, prefix: string): Promise<Request> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(prefix.length);
  const bodiless = request.method === "GET" || request.method === "HEAD";
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    ...(bodiless ? {} : { body: await request.arrayBuffer() }),
  });
}

/**
 * MSW 2 request handlers that answer through `fake` (its state is kept between calls): one
 * `http.all` per path of the operations table under `baseUrl`, for `setupServer` (msw/node) and
 * `setupWorker` (msw/browser). Other methods on those paths get the fake's 405 and malformed ids
 * its 400, as over HTTP; every other URL matches no handler and goes to MSW's
 * `onUnhandledRequest`.
 *
 * @example
 * const fake = createFakeServer();
 * const server = setupServer(...createHandlers(fake));
 * server.listen({ onUnhandledRequest: "error" });
 */
export function createHandlers(
  fake: Pick<FakeServer, "fetch">,
  options: CreateHandlersOptions = {},
): HttpHandler[] {
  const { origin, prefix } = parseBase(options.baseUrl ?? API_BASE_URL);
  return [...operationsByPath().keys()].map((template) =>
    http.all(`${origin}${prefix}${colonPath(template)}`, async ({ request }) =>
      fake.fetch(prefix === "" ? request : await withoutPrefix(request, prefix)),
    ),
  );
}
