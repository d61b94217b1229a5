import type { ErrorBody, OperationId } from "@experience-users/spec";
import { Attempt } from "./attempt.js";
import { AbortError } from "./errors/abort-error.js";
import { ApiError } from "./errors/api-error.js";
import { NetworkError } from "./errors/network-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { UnexpectedResponseError } from "./errors/unexpected-response-error.js";
import type { Failure, TransportFailure } from "./failure.js";
import type { ClientHooks } from "./hooks.js";
import { MIDDLEWARE_DONE } from "./parse-marker.js";
import { type RetryPolicy, retryDelay } from "./retry-policy.js";
import type { Transport } from "./transport.js";

/** Per-call options of every client method. */
export interface CallOptions {
  /** Aborts the call; it then rejects with an {@link AbortError}. */
  signal?: AbortSignal;
  /**
   * Milliseconds before the call (retries included) rejects with a {@link TimeoutError}.
   * @default the client's `timeout`
   */
  timeout?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** `losantdomain` header for this call (rarely needed). */
  losantdomain?: string;
  /**
   * `Accept-Version` header for this call.
   * @default the client's `acceptVersion`
   */
  acceptVersion?: string;
}

/** How one operation is run: what the typed methods tell {@link execute}. */
export interface CallContext {
  operation: OperationId;
  /** GET and DELETE may be retried on any failure; POST and PATCH only when never sent. */
  idempotent: boolean;
  retry: RetryPolicy;
  timeout: number | undefined;
  hooks: ClientHooks;
  transport: Transport;
  /** What the platform knows of a transport's errors (Node's codes); `undefined` leaves it to the client. */
  transportFailure: TransportFailure | undefined;
  /** The caller passed middleware (whose own errors must not be taken for the answer's). */
  middleware: boolean;
}

/** What openapi-fetch resolves to. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** What each attempt hands openapi-fetch: the signal and the fetch that observes the attempt. */
export interface AttemptInit {
  signal: AbortSignal | undefined;
  fetch: (request: Request) => Promise<Response>;
}

const TEXT_LIMIT = 1000;

/**
 * Runs one API call: timeout and abort, the hooks, bounded retries (idempotent calls on network
 * failures and retried statuses, any call proven never sent), and the mapping of every outcome
 * to the parsed body or one of the client's typed errors. What a middleware, a hook or
 * openapi-fetch throws reaches the caller as it is, never retried: only a failed transport, a
 * body that broke off or did not parse, or an error status are the client's to type.
 */
export async function execute<T>(
  ctx: CallContext,
  options: CallOptions | undefined,
  send: (init: AttemptInit) => Promise<FetchResult<T>>,
): Promise<T> {
  const userSignal = options?.signal;
  if (userSignal?.aborted) throw new AbortError(ctx.operation, userSignal.reason);
  const timeout = options?.timeout ?? ctx.timeout;
  const limited = timeout !== undefined && Number.isFinite(timeout) && timeout > 0;
  // A call with neither timeout nor signal sends no signal at all: following one costs the
  // transport more than the rest of the call.
  const controller = limited || userSignal ? new AbortController() : undefined;
  const signal = controller?.signal;
  let timedOut = false;
  const timer = limited
    ? setTimeout(() => {
        timedOut = true;
        controller?.abort();
      }, timeout)
    : undefined;
  const onAbort = () => controller?.abort(userSignal?.reason);
  userSignal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (let number = 1; ; number++) {
      const attempt = new Attempt(ctx, number);
      const outcome = await run(ctx, attempt, send, signal);
      if ("value" in outcome) return outcome.value;
      const { error, retry, retryAfter = null } = outcome;
      const retries = ctx.retry.retries;
      const allowed =
        retry === "any"
          ? number <= Math.max(1, retries)
          : retry === "idempotent" && ctx.idempotent && number <= retries;
      const delay = !allowed
        ? undefined
        : retry === "any" && number === 1
          ? 0
          : retryDelay(ctx.retry, number - 1, retryAfter);
      if (delay === undefined) throw error;
      ctx.hooks.onRetry?.({
        ...attempt.event(),
        status: error instanceof ApiError ? error.status : undefined,
        duration: attempt.duration(),
        delay,
        error,
      });
      await sleep(delay, signal);
    }
  } catch (error) {
    if (timedOut && timeout !== undefined) throw new TimeoutError(ctx.operation, timeout);
    if (userSignal?.aborted) throw new AbortError(ctx.operation, userSignal.reason);
    throw error;
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener("abort", onAbort);
  }
}

/** One attempt: its parsed body, or how it failed. Anything else it throws is rethrown as it is. */
async function run<T>(
  ctx: CallContext,
  attempt: Attempt,
  send: (init: AttemptInit) => Promise<FetchResult<T>>,
  signal: AbortSignal | undefined,
): Promise<{ value: T } | Failure> {
  let result: FetchResult<T>;
  try {
    result = await send({ signal, fetch: attempt.fetch });
  } catch (thrown) {
    const failure = signal?.aborted ? undefined : classify(ctx, attempt, thrown);
    if (failure === undefined) throw thrown;
    return failure;
  }
  const { data, error, response } = result;
  const status = response.status;
  ctx.hooks.onResponse?.({ ...attempt.event(), status, duration: attempt.duration() });
  if (response.ok) {
    if (data !== undefined && data !== null) return { value: data };
    const empty = new UnexpectedResponseError(ctx.operation, status, "the body is empty");
    return { error: empty, retry: "never" };
  }
  return {
    error: toApiError(ctx.operation, response, error),
    retry: ctx.retry.statuses.has(status) ? "idempotent" : "never",
    retryAfter: response.headers.get("retry-after"),
  };
}

/** The failure a thrown error stands for, when the transport or the answer failed. */
function classify(ctx: CallContext, attempt: Attempt, thrown: unknown): Failure | undefined {
  const { operation } = ctx;
  if (thrown === attempt.transportError) {
    return (
      ctx.transportFailure?.(operation, thrown) ?? {
        error: new NetworkError(operation, thrown),
        retry: "idempotent",
      }
    );
  }
  const answer = attempt.answer;
  if (answer === undefined) return undefined;
  const parsing = !ctx.middleware || MIDDLEWARE_DONE in (attempt.request ?? {});
  if (thrown instanceof SyntaxError && parsing) {
    const reason = "the body is not JSON";
    const error = new UnexpectedResponseError(operation, answer.status, reason, { cause: thrown });
    return { error, retry: "never" };
  }
  if (thrown !== attempt.bodyError) return undefined;
  return { error: new NetworkError(operation, thrown), retry: "idempotent" };
}

function toApiError(operation: string, response: Response, error: unknown): ApiError {
  if (typeof error === "object" && error !== null && !Array.isArray(error)) {
    return new ApiError(
      operation,
      response.status,
      error as ErrorBody,
      undefined,
      response.headers,
    );
  }
  const text = typeof error === "string" && error !== "" ? error.slice(0, TEXT_LIMIT) : undefined;
  return new ApiError(operation, response.status, undefined, text, response.headers);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
