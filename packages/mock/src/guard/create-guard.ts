import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { DEFAULT_BODY_LIMIT } from "@experience-users/fake-server";
import { bodyMediaTypeProblem, parseJsonBody, requestProblems } from "@experience-users/validators";
import { type GuardAnswer, guardAnswers, relay, writeError } from "./answers.js";
import { requestIssues, upstreamQuery } from "./check-request.js";
import { forward, type Upstream, upstreamAgent } from "./forward.js";
import { matchOperation } from "./match-operation.js";
import { readBody } from "./read-body.js";
import { violationsMessage } from "./violations-message.js";

/** Options of {@link createGuard}. */
export interface GuardOptions {
  /** Where Prism listens (loopback). */
  readonly upstream: { readonly host: string; readonly port: number };
  /**
   * Largest accepted request body, in bytes; a larger one is a 413.
   * @default 1048576 (1 MiB, as the fake)
   */
  readonly bodyLimit?: number;
  /**
   * Milliseconds a request's body may take to arrive once its headers have; then a 408.
   * @default 10000
   */
  readonly bodyTimeout?: number;
  /**
   * Milliseconds a request's headers may take to arrive; then Node closes the connection.
   * @default 10000
   */
  readonly headersTimeout?: number;
  /**
   * Milliseconds Prism may take to answer; then a 504.
   * @default 30000
   */
  readonly upstreamTimeout?: number;
  /** Called with one line per request (method, path, status, milliseconds; never a body or query). */
  readonly log?: (line: string) => void;
}

interface Settings {
  readonly upstream: Upstream;
  readonly bodyLimit: number;
  readonly bodyTimeout: number;
}

function headerLookup(request: IncomingMessage) {
  return {
    get: (name: string) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

async function guard(settings: Settings, request: IncomingMessage, response: ServerResponse) {
  const method = request.method ?? "GET";
  const url = request.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? "" : url.slice(queryAt + 1);
  const matched = matchOperation(method, pathname);
  const takesBody = matched === undefined || matched.operation.requestBody !== null;
  const contentType = request.headers["content-type"];
  let problem: GuardAnswer | undefined =
    matched && takesBody ? bodyMediaTypeProblem(contentType) : undefined;

  const outcome = await readBody(request, {
    limit: settings.bodyLimit,
    timeout: settings.bodyTimeout,
    keep: takesBody && problem === undefined,
  });
  if (outcome.kind === "aborted") return;
  if (outcome.kind === "timed-out") {
    writeError(response, guardAnswers.bodyTimeout(settings.bodyTimeout), { close: true });
    return;
  }
  const unread = outcome.kind === "too-large";
  if (unread) problem ??= requestProblems.tooLarge(settings.bodyLimit);
  let body =
    outcome.kind === "read" && takesBody && outcome.bytes.byteLength > 0
      ? outcome.bytes
      : undefined;

  let path = url;
  if (matched) {
    path = `${pathname}${rawQuery === "" ? "" : `?${upstreamQuery(matched.operation, rawQuery)}`}`;
    if (problem === undefined) {
      const parsed = takesBody
        ? parseJsonBody(contentType, body ?? Buffer.alloc(0))
        : { value: undefined };
      if ("problem" in parsed) problem = parsed.problem;
      else {
        const issues = requestIssues(matched.operation, {
          path: matched.path,
          search: new URLSearchParams(rawQuery),
          headers: headerLookup(request),
          body: parsed.value,
        });
        if (issues.length > 0) problem = requestProblems.validation(issues);
      }
    }
    if (problem !== undefined) body = undefined;
  }

  const answer = await forward(settings.upstream, {
    method,
    path,
    headers: request.headers,
    body,
    client: response,
  });
  if (answer === "aborted") return;
  if (answer === "timeout") {
    writeError(response, guardAnswers.upstreamTimeout(settings.upstream.timeout), {
      close: unread,
    });
    return;
  }
  if (answer === "unreachable") {
    writeError(response, guardAnswers.upstreamUnreachable(), { close: unread });
    return;
  }
  if (unread) response.setHeader("connection", "close");
  if (matched && answer.statusCode !== 401) {
    const message =
      problem === undefined && answer.statusCode === 400
        ? violationsMessage(answer.headers["sl-violations"])
        : undefined;
    const refusal =
      problem ?? (message === undefined ? undefined : { status: 400, type: "Validation", message });
    if (refusal !== undefined) {
      answer.resume();
      writeError(response, refusal, { upstream: answer.headers, close: unread });
      return;
    }
  }
  relay(response, answer);
}

/**
 * The mock's guard: an HTTP server (not listening yet) in front of Prism. For a request to one
 * of the spec's operations it reads the body (at most `bodyLimit` bytes, within `bodyTimeout`),
 * drops a body the operation does not take (GET, DELETE), decodes and validates the request with
 * the generated validators exactly as the fake does, and forwards it to Prism. Prism decides
 * authentication (its 401 passes through) and answers valid requests (examples, `Prefer`,
 * dynamic mode); an invalid request gets the fake's Error instead of Prism's static example.
 * Anything else (unknown paths and methods, CORS preflights) is Prism's to answer. The upstream
 * request is aborted when the client goes away.
 */
export function createGuard(options: GuardOptions): Server {
  const headersTimeout = options.headersTimeout ?? 10_000;
  const bodyTimeout = options.bodyTimeout ?? 10_000;
  const agent = upstreamAgent();
  const settings: Settings = {
    upstream: { ...options.upstream, timeout: options.upstreamTimeout ?? 30_000, agent },
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    bodyTimeout,
  };
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: headersTimeout + bodyTimeout + 1_000,
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    (request, response) => {
      const started = performance.now();
      request.on("error", () => undefined);
      response.once("close", () => {
        const elapsed = Math.round(performance.now() - started);
        const pathname = (request.url ?? "/").split("?")[0];
        options.log?.(`${request.method} ${pathname} ${response.statusCode} ${elapsed}ms`);
      });
      guard(settings, request, response).catch(() => {
        if (!response.headersSent) {
          writeError(
            response,
            {
              status: 500,
              type: "InternalError",
              message: "The mock's guard failed on this request",
            },
            { close: true },
          );
        } else response.destroy();
      });
    },
  );
  server.on("close", () => agent.destroy());
  return server;
}
