import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from "node:http";
import { violationsMessage } from "./violations-message.js";

/** An answer the guard writes itself: a status and the spec's Error body. */
export interface GuardAnswer {
  readonly status: number;
  readonly type: string;
  readonly message: string;
}

/** The guard's own answers, for what happens before or around Prism. */
export const guardAnswers = {
  bodyTimeout: (ms: number): GuardAnswer => ({
    status: 408,
    type: "RequestTimeout",
    message: `Request body was not received within ${ms} ms`,
  }),
  upstreamTimeout: (ms: number): GuardAnswer => ({
    status: 504,
    type: "GatewayTimeout",
    message: `Prism did not answer within ${ms} ms`,
  }),
  upstreamUnreachable: (): GuardAnswer => ({
    status: 502,
    type: "BadGateway",
    message: "Prism, behind the guard, could not be reached",
  }),
};

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding"]);
const REPLACED = new Set([...HOP_BY_HOP, "content-length", "content-type", "sl-violations"]);

/**
 * Writes an Error-shaped JSON answer. Headers of Prism's own answer (CORS) are kept when there is
 * one, except `sl-violations`: Prism saw the request without the body the guard refused, and the
 * message says what is wrong. `close` ends the connection afterwards (its request was not read
 * to the end).
 */
export function writeError(
  response: ServerResponse,
  answer: GuardAnswer,
  options: { upstream?: IncomingHttpHeaders; close?: boolean } = {},
): void {
  const body = JSON.stringify({ type: answer.type, message: answer.message });
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(options.upstream ?? {})) {
    if (value !== undefined && !REPLACED.has(name)) headers[name] = value;
  }
  headers["content-type"] = "application/json; charset=utf-8";
  headers["content-length"] = Buffer.byteLength(body);
  if (options.close) headers.connection = "close";
  response.writeHead(answer.status, headers).end(body);
}

/** Streams Prism's answer to the client as it is (hop-by-hop headers aside). */
export function relay(response: ServerResponse, upstream: IncomingMessage): void {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  response.writeHead(upstream.statusCode ?? 502, headers);
  upstream.pipe(response);
}

/**
 * The Error the guard answers instead of Prism's answer to one of the spec's operations
 * (whose status is not 401: Prism decides authentication): the problem the guard found in the
 * request, else, for a 400 of Prism's own, its `sl-violations` in words. Undefined: Prism's
 * answer goes to the client as it is.
 */
export function refusalOf(
  prepared: { readonly problem: GuardAnswer | undefined },
  answer: IncomingMessage,
): GuardAnswer | undefined {
  if (prepared.problem !== undefined) return prepared.problem;
  if (answer.statusCode !== 400) return undefined;
  const message = violationsMessage(answer.headers["sl-violations"]);
  return message === undefined ? undefined : { status: 400, type: "Validation", message };
}
