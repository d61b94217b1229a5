import type { ErrorBody } from "@experience-users/spec";
import { AbortError } from "./errors/abort-error.js";
import { ApiError } from "./errors/api-error.js";
import { NetworkError } from "./errors/network-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { UnexpectedResponseError } from "./errors/unexpected-response-error.js";
import { MiddlewareFailure } from "./middleware-failure.js";
import { type RetryPolicy, retryDelay } from "./retry-policy.js";

/** Per-call options of every client method. */
export interface CallOptions {
  /** Aborts the call; it then rejects with an {@link AbortError}. */
  signal?: AbortSignal;
  /** Milliseconds before the call (retries included) rejects with a {@link TimeoutError}. */
  timeout?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** `losantdomain` header for this call (rarely needed). */
  losantdomain?: string;
}

/** What openapi-fetch resolves to when asked to parse bodies as text. */
export interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface CallContext {
  operation: string;
  /** GET and DELETE may be retried; POST and PATCH never are. */
  idempotent: boolean;
  retry: RetryPolicy;
  timeout: number | undefined;
}

const TEXT_LIMIT = 1000;

/**
 * Runs one API call: timeout and abort, bounded retries of idempotent calls, and the mapping of
 * every outcome to a parsed body or one of the client's typed errors.
 */
export async function execute<T>(
  ctx: CallContext,
  options: CallOptions | undefined,
  send: (signal: AbortSignal | undefined) => Promise<RawResult>,
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
    for (let attempt = 0; ; attempt++) {
      const canRetry = ctx.idempotent && attempt < ctx.retry.retries;
      let result: RawResult;
      try {
        result = await send(signal);
      } catch (error) {
        if (signal?.aborted || !canRetry || error instanceof MiddlewareFailure) throw error;
        await sleep(retryDelay(ctx.retry, attempt, null), signal);
        continue;
      }
      const { response } = result;
      if (response.ok) return parseSuccess<T>(ctx.operation, response, result.data);
      const apiError = toApiError(ctx.operation, response, result.error);
      if (canRetry && ctx.retry.statuses.has(response.status)) {
        const delay = retryDelay(ctx.retry, attempt, response.headers.get("retry-after"));
        if (delay !== undefined) {
          await sleep(delay, signal);
          continue;
        }
      }
      throw apiError;
    }
  } catch (error) {
    if (error instanceof MiddlewareFailure) throw error.error;
    if (timedOut && timeout !== undefined) throw new TimeoutError(ctx.operation, timeout);
    if (userSignal?.aborted) throw new AbortError(ctx.operation, userSignal.reason);
    if (error instanceof ApiError || error instanceof UnexpectedResponseError) throw error;
    throw new NetworkError(ctx.operation, error);
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener("abort", onAbort);
  }
}

function parseSuccess<T>(operation: string, response: Response, data: unknown): T {
  if (typeof data === "string" && data.length > 0) {
    try {
      return JSON.parse(data) as T;
    } catch (cause) {
      if (data.trim() !== "") {
        throw new UnexpectedResponseError(operation, response.status, "the body is not JSON", {
          cause,
        });
      }
    }
  }
  throw new UnexpectedResponseError(operation, response.status, "the body is empty");
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

function sleep(ms: number | undefined, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms ?? 0);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
