import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { DEFAULT_BODY_LIMIT } from "@experience-users/fake-server";
import { bodyMediaTypeProblem } from "@experience-users/validators";
import { guardAnswers, refusalOf, relay, writeError } from "./answers.js";
import { forward, type Upstream, upstreamAgent } from "./forward.js";
import { matchOperation } from "./match-operation.js";
import { prepareRequest } from "./prepare-request.js";
import { readBody } from "./read-body.js";

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

async function guard(settings: Settings, request: IncomingMessage, response: ServerResponse) {
  const method = request.method ?? "GET";
  const matched = matchOperation(method, (request.url ?? "/").split("?")[0] as string);
  const takesBody = matched === undefined || matched.operation.requestBody !== null;
  const mediaTypeProblem =
    matched && takesBody ? bodyMediaTypeProblem(request.headers["content-type"]) : undefined;
  const outcome = await readBody(request, {
    limit: settings.bodyLimit,
    timeout: settings.bodyTimeout,
    keep: takesBody && mediaTypeProblem === undefined,
  });
  if (outcome.kind === "aborted") return;
  if (outcome.kind === "timed-out") {
    writeError(response, guardAnswers.bodyTimeout(settings.bodyTimeout), { close: true });
    return;
  }
  const close = outcome.kind === "too-large";
  const prepared = prepareRequest(request, matched, outcome, {
    bodyLimit: settings.bodyLimit,
    mediaTypeProblem,
  });

  const answer = await forward(settings.upstream, { method, ...prepared, client: response });
  if (answer === "aborted") return;
  if (answer === "timeout" || answer === "unreachable") {
    const failure =
      answer === "timeout"
        ? guardAnswers.upstreamTimeout(settings.upstream.timeout)
        : guardAnswers.upstreamUnreachable();
    writeError(response, failure, { close });
    return;
  }
  if (close) response.setHeader("connection", "close");
  const refusal = matched && answer.statusCode !== 401 ? refusalOf(prepared, answer) : undefined;
  if (refusal === undefined) {
    relay(response, answer);
    return;
  }
  answer.resume();
  writeError(response, refusal, { upstream: answer.headers, close });
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
