/** One request of a redirect chain: what the transport sends next. */
export interface Hop {
  url: URL;
  method: string;
  /** Flat `[name, value, ...]` list with lower-case names. */
  headers: string[];
  body: string | Buffer | undefined;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIALS = new Set(["authorization", "cookie", "proxy-authorization"]);
const BODY_HEADERS = new Set([
  "content-type",
  "content-length",
  "content-encoding",
  "content-language",
  "content-location",
]);

/**
 * The request that follows a redirect answer, made as fetch makes it
 * (https://fetch.spec.whatwg.org/#http-redirect-fetch): 303, and 301/302 after a POST, become a
 * GET without a body; a hop to another origin drops `Authorization`, `Cookie` and
 * `Proxy-Authorization`, so a token never reaches an origin it was not meant for. `undefined` when
 * the answer is not a redirect to follow.
 */
export function redirectHop(
  hop: Hop,
  status: number,
  location: string | string[] | undefined,
): Hop | undefined {
  if (!REDIRECT_STATUSES.has(status) || typeof location !== "string") return undefined;
  const url = new URL(location, hop.url);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`a redirect to ${url.protocol} is not followed`);
  }
  const toGet =
    (status === 303 && hop.method !== "GET" && hop.method !== "HEAD") ||
    ((status === 301 || status === 302) && hop.method === "POST");
  const crossOrigin = url.origin !== hop.url.origin;
  const headers: string[] = [];
  for (let i = 0; i + 1 < hop.headers.length; i += 2) {
    const name = hop.headers[i] as string;
    if ((crossOrigin && CREDENTIALS.has(name)) || (toGet && BODY_HEADERS.has(name))) continue;
    headers.push(name, hop.headers[i + 1] as string);
  }
  return { url, method: toGet ? "GET" : hop.method, headers, body: toGet ? undefined : hop.body };
}
