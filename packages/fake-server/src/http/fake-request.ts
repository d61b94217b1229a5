/**
 * A request as the fake's steps read it, whichever adapter brought it: the fetch handler (a Web
 * `Request`, in process and behind MSW) or the node:http listener (an `IncomingMessage`, no
 * `Request` built). Both adapters hand the same steps the same values.
 */
export interface FakeRequest {
  /** As sent (`GET`, `PATCH`, ...). */
  readonly method: string;
  /** The absolute URL as the WHATWG URL parser writes it (`http://host/path?query`). */
  readonly url: string;
  /**
   * Header lookup by name, case-insensitive, repeated fields joined with `, ` as `Headers.get`
   * does (a `Headers` object will do).
   */
  readonly headers: { get(name: string): string | null | undefined };
  /** The body's bytes as they arrive; null without one. Leaving the loop early stops reading. */
  readonly body: AsyncIterable<Uint8Array> | null;
}

/** What the fake answers: every body is JSON. */
export interface FakeAnswer {
  readonly status: number;
  /** Headers besides the content type (`allow` on a 405). */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON text of the body; null for a HEAD request (its headers are GET's) and a preflight. */
  readonly body: string | null;
}

/** The content type of every answer. */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
