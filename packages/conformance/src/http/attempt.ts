import type { PreparedRequest } from "./prepare-request.js";

/** The fetch the runner sends with: the platform's, or e.g. an in-process fake's. */
export type FetchFunction = (request: Request) => Promise<Response>;

/** A complete answer: status, headers and the whole body as text. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** No complete answer: none within the timeout, or the connection failed. */
export interface TransportFailure {
  readonly failure: "timeout" | "network";
  readonly message: string;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === "string" ? cause.code : cause?.message;
  return typeof detail === "string" && detail !== ""
    ? `${error.message} (${detail})`
    : error.message;
}

/**
 * Sends one request and reads its whole body within `timeout` ms. The deadline also holds when the
 * fetch ignores its signal: the answer is raced against it.
 */
export async function attempt(
  fetch: FetchFunction,
  request: PreparedRequest,
  timeout: number,
): Promise<Answer | TransportFailure> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<TransportFailure>((resolve) => {
    timer = setTimeout(() => {
      resolve({ failure: "timeout", message: `no complete answer within ${timeout} ms` });
      controller.abort();
    }, timeout);
  });
  const exchange = (async (): Promise<Answer> => {
    const response = await fetch(
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: controller.signal,
      }),
    );
    return { status: response.status, headers: response.headers, text: await response.text() };
  })().catch(
    (error: unknown): TransportFailure => ({ failure: "network", message: describe(error) }),
  );
  try {
    return await Promise.race([exchange, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
