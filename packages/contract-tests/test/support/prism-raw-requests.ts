import { createClient } from "@experience-users/client";
import { type OperationId, operations } from "@experience-users/spec";
import { TOKEN } from "./prism-client-calls.js";

/**
 * A request by location, with values as a server's decoder would hand them over: numbers,
 * booleans and the advanced query as an object when they decode, and the raw text when they do
 * not (`perPage: "abc"`, `query: "not json{"`). This is what the request validators check, and
 * what {@link sendRaw} encodes (the client's query serializer sends text values as they are).
 */
export interface LooseRequest {
  path: Record<string, string>;
  query?: Record<string, unknown>;
  header?: Record<string, string>;
  body?: unknown;
}

/** One entry of Prism's `sl-violations` header: why it rejected a request. */
export interface Violation {
  location: string[];
  code: string | number;
  message: string;
}

/** What came back: the status, the body (parsed when it is JSON) and Prism's violations. */
export interface RawAnswer {
  status: number;
  body: unknown;
  violations: Violation[];
}

/** Options of {@link sendRaw}. */
export interface SendRawOptions {
  /** Extra headers (e.g. a `Prefer`); `null` removes one (e.g. the client's `Authorization`). */
  headers?: Record<string, string | null>;
  /** Sent as the body instead of `JSON.stringify(request.body)`. */
  rawBody?: string;
  /** Aborts the request; by default it is given 10 s. */
  signal?: AbortSignal;
}

type LooseRequestMethod = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Sends any request, valid or not, to an operation through the generated client's untyped side
 * (`client.raw`, openapi-fetch with the client's auth and query encoding). The typed methods
 * refuse to build the requests the spec forbids, which is the point of them, so this is cast.
 */
export async function sendRaw(
  baseUrl: string,
  operationId: OperationId,
  request: LooseRequest,
  options: SendRawOptions = {},
): Promise<RawAnswer> {
  const { raw } = createClient({ token: TOKEN, baseUrl });
  const { method, path } = operations[operationId];
  const send = raw.request as unknown as LooseRequestMethod;
  const { data, error, response } = await send(method, path, {
    params: { path: request.path, query: request.query, header: request.header },
    body: options.rawBody ?? request.body,
    ...(options.rawBody === undefined ? {} : { bodySerializer: (body: string) => body }),
    headers: options.headers,
    signal: options.signal ?? AbortSignal.timeout(10_000),
    parseAs: "text",
  });
  return {
    status: response.status,
    body: parseIfJson(data ?? error),
    violations: parseIfJson(response.headers.get("sl-violations") ?? "[]") as Violation[],
  };
}

function parseIfJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
