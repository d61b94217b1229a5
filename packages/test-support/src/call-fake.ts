/** What {@link callFake} calls: an in-process fake, or anything with a fetch and a token. */
export interface FakeTarget {
  fetch(input: string, init?: RequestInit): Promise<Response>;
  /** Sent as `Authorization: Bearer <token>` unless the call says otherwise. */
  readonly token: string;
}

/** Options of {@link callFake}. */
export interface CallOptions {
  /** Another token; `null` sends no `Authorization` header. @default the target's token */
  token?: string | null;
  /** A JSON body, sent with `Content-Type: application/json`. */
  json?: unknown;
  /** A body sent as it is (when `json` is not given). */
  body?: BodyInit;
  /** Query parameters, appended to the path. */
  query?: Record<string, string>;
  /** More headers; they win over the ones `token` and `json` set. */
  headers?: Record<string, string>;
}

/** The answer of {@link callFake}. */
export interface Answer<Body = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** The body as it came. */
  readonly text: string;
  /** The body parsed as JSON; `undefined` when it is empty. */
  readonly body: Body;
}

/**
 * Sends one request to a fake with its development token (every scope) unless `token` says
 * otherwise, and reads the answer, e.g. `await callFake(fake, "POST", users, { json: user })`.
 */
export async function callFake<Body = unknown>(
  target: FakeTarget,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<Body>> {
  const token = options.token === undefined ? target.token : options.token;
  const headers: Record<string, string> = {
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...(options.json === undefined ? {} : { "content-type": "application/json" }),
    ...options.headers,
  };
  const body = options.json === undefined ? options.body : JSON.stringify(options.json);
  const search = options.query ? `?${new URLSearchParams(options.query)}` : "";
  const response = await target.fetch(`${path}${search}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: (text === "" ? undefined : JSON.parse(text)) as Body,
  };
}
