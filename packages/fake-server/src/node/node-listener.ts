import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { Dispatch } from "../http/dispatch.js";
import { type FakeAnswer, type FakeRequest, JSON_CONTENT_TYPE } from "../http/fake-request.js";
import { problems } from "../problem.js";

/** Any host works: the fake never reads it (the fetch handler ignores the Request's host too). */
const BASE = "http://fake.local";
/**
 * A request target the WHATWG URL parser keeps as it is (the same test @hono/node-server makes
 * before it skips parsing): printable ASCII without `"`, `%`, `<`, `>`, `\`, `^`, backtick, `{`,
 * `|`, `}` and without dot segments. Anything else is parsed, so that both adapters see the same
 * URL as a `Request` would carry.
 */
const PLAIN_TARGET = /^\/[!#$&-;=?-[\]_a-z~]*$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

/**
 * The URL a `Request` for this target would carry. The target is appended to the base, never
 * resolved against it: `//x` is a path here, as in @hono/node-server, not a host. An absolute
 * target (`http://host/path`) is parsed as it is; any other (`*`) is taken as a path.
 */
function urlOf(target: string): string {
  if (PLAIN_TARGET.test(target) && !DOT_SEGMENT.test(target)) return BASE + target;
  if (/^https?:\/\//i.test(target)) return new URL(target).href;
  return new URL(BASE + (target.startsWith("/") ? target : `/${target}`)).href;
}

/** A header as `Headers.get` gives it: every field of that name, in order, joined with `, `. */
function headerOf(raw: readonly string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const field = raw[i] as string;
    if (field.length === lower.length && field.toLowerCase() === lower) {
      value = value === undefined ? (raw[i + 1] as string) : `${value}, ${raw[i + 1]}`;
    }
  }
  return value;
}

/**
 * The body's chunks; leaving the loop early (a body over the limit) stops reading without
 * destroying the socket: the rest is drained so that the answer still reaches the client.
 */
async function* chunksOf(incoming: IncomingMessage): AsyncGenerator<Uint8Array> {
  let finished = false;
  try {
    for await (const chunk of incoming.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
    finished = true;
  } finally {
    if (!finished) incoming.resume();
  }
}

/** HTTP/1.1 framing: a request has a body only with one of these (`incoming.headers` is built lazily: costly). */
function hasBody(raw: readonly string[]): boolean {
  return (
    headerOf(raw, "content-length") !== undefined ||
    headerOf(raw, "transfer-encoding") !== undefined
  );
}

/** A node:http request as the fake's steps read it: no `Request` is built. */
function fromIncoming(incoming: IncomingMessage): FakeRequest {
  return {
    method: incoming.method ?? "GET",
    url: urlOf(incoming.url ?? "/"),
    headers: { get: (name) => headerOf(incoming.rawHeaders, name) },
    body: hasBody(incoming.rawHeaders) ? chunksOf(incoming) : null,
  };
}

/** One `writeHead` and one `end`, with the body's length (HTTP/1.0 included). */
function write(outgoing: ServerResponse, answer: FakeAnswer): void {
  const headers: Record<string, string | number> = {
    ...answer.headers,
    "content-type": JSON_CONTENT_TYPE,
  };
  if (answer.body !== null) headers["content-length"] = Buffer.byteLength(answer.body);
  outgoing.writeHead(answer.status, headers);
  outgoing.end(answer.body ?? undefined);
}

/**
 * The fake's node:http request listener: the same steps as its fetch handler (one dispatch), fed
 * from the `IncomingMessage` and answered with one `end()`, without building a `Request` or a
 * `Response`. It replaces @hono/node-server, whose conversion to and from `Request`/`Response`
 * was the largest cost in the fake's CPU profile (`npm run bench -- mock`, 2-core machine, get of
 * one user, where nothing else changed: 11,816 requests per CPU-second with it, 23,919 with this
 * listener; 0.16x and 0.43x a bare node:http server sending the same bytes).
 */
export function createNodeListener(
  dispatch: Dispatch,
  log?: (line: string) => void,
): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  return (incoming, outgoing) => {
    const started = log ? performance.now() : 0;
    let request: FakeRequest;
    try {
      request = fromIncoming(incoming);
    } catch {
      const problem = problems.badRequest("The request target is not a valid URL");
      write(outgoing, { status: problem.status, headers: {}, body: JSON.stringify(problem.body) });
      return;
    }
    dispatch(request).then(
      (answer) => {
        write(outgoing, answer);
        if (log) {
          const elapsed = Math.round(performance.now() - started);
          log(`${request.method} ${new URL(request.url).pathname} ${answer.status} ${elapsed}ms`);
        }
      },
      (error: unknown) =>
        outgoing.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  };
}

/**
 * Answers what Node's HTTP parser refuses before the listener sees it in the spec's Error shape
 * (Node's own answer has no body): 431 for a request line and headers over `maxHeaderSize`, 400
 * for anything else malformed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem =
    error.code === "HPE_HEADER_OVERFLOW" ? problems.headersTooLarge() : problems.malformedRequest();
  const body = JSON.stringify(problem.body);
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nConnection: close\r\ncontent-type: ${JSON_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
