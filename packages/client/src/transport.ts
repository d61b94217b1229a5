/**
 * What the client sends through: `fetch` or anything shaped like it. On Node, a transport that
 * carries a `Request` class (the Node transport's `LightRequest`, undici's `Request`) gets its
 * requests built with it.
 */
export type Transport = ((request: Request) => Promise<Response>) & { Request?: unknown };

/** `globalThis.fetch`, looked up on every call, so a fetch replaced later (MSW, a mock) is used. */
export const platformFetch: Transport = (request) => globalThis.fetch(request);

/**
 * `code` of the error a transport rejects with when an answer's body is over its size limit; the
 * error also carries the answer's `status` and the `limit`. The client turns it into a
 * ResponseTooLargeError and never retries it.
 */
export const RESPONSE_TOO_LARGE = "ERR_RESPONSE_TOO_LARGE";

/** The error a transport rejects with when an answer's body is over `limit` bytes. */
export function responseTooLarge(status: number, limit: number, cause?: unknown): RangeError {
  return Object.assign(
    new RangeError(`the ${status} answer's body is over ${limit} bytes`, { cause }),
    { code: RESPONSE_TOO_LARGE, status, limit },
  );
}
