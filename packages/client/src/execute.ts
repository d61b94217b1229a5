import type { ErrorBody, OperationId } from "@experience-users/spec";
import type { ClientOptions, PlatformDefaults } from "./client.js";
import { DEFAULT_TIMEOUT } from "./defaults.js";
import { AbortError } from "./errors/abort-error.js";
import { ApiError } from "./errors/api-error.js";
import type { ExperienceUsersError } from "./errors/experience-users-error.js";
import { NetworkError } from "./errors/network-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { UnexpectedResponseError } from "./errors/unexpected-response-error.js";
import { ANY, type Failure, IDEMPOTENT, NEVER } from "./failure.js";
import type { ClientHooks } from "./hooks.js";
import { MIDDLEWARE_DONE } from "./parse-marker.js";
import { retryDelay, retryPolicy } from "./retry-policy.js";
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

/** Runs one call of `operation` through `transport`; `send` makes one attempt through openapi-fetch. */
export type Execute = <T>(
  operation: OperationId,
  idempotent: boolean,
  transport: Transport,
  call: CallOptions | undefined,
  send: (init: AttemptInit) => Promise<FetchResult<T>>,
) => Promise<T>;

/**
 * The runner of a client's calls: timeout and abort, the hooks, bounded retries (idempotent calls
 * on network failures and retried statuses, any call proven never sent), and the mapping of every
 * outcome to the parsed body or one of the client's typed errors. What a middleware, a hook or
 * openapi-fetch throws reaches the caller as it is, never retried: only a failed transport, a
 * body that broke off or did not parse, or an error status are the client's to type.
 */
export function executor(options: ClientOptions, platform: PlatformDefaults): Execute {
  const policy = retryPolicy(options.retry);
  const clientTimeout = options.timeout ?? DEFAULT_TIMEOUT;
  const hooks: ClientHooks = options;
  const { transportFailure } = platform;
  const middleware = Boolean(options.middleware?.length);
  return async (operation, idempotent, transport, call, send) => {
    const userSignal = call?.signal;
    const timeout = call?.timeout ?? clientTimeout;
    const limited = timeout > 0 && timeout < Infinity;
    // A call with neither timeout nor signal sends no signal at all: following one costs the
    // transport more than the rest of the call. The signal's reason is the call's typed error.
    const controller = limited || userSignal ? new AbortController() : undefined;
    const signal = controller?.signal;
    const onAbort = () => controller?.abort(new AbortError(operation, userSignal?.reason));
    if (userSignal?.aborted) onAbort();
    else userSignal?.addEventListener("abort", onAbort, { once: true });
    const timer = limited
      ? setTimeout(() => controller?.abort(new TimeoutError(operation, timeout)), timeout)
      : undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        if (signal?.aborted) throw signal.reason;
        // What this attempt saw: the request it sent, when, its answer, the transport's error.
        let request: Request | undefined;
        let answer: Response | undefined;
        let failed: unknown;
        let start = 0;
        const event = () => ({
          operation,
          attempt,
          method: request?.method ?? "",
          url: request?.url ?? "",
        });
        const duration = () => start && performance.now() - start;
        const observe = (sent: Request): Promise<Response> => {
          request = sent;
          hooks.onRequest?.(event());
          start = performance.now();
          return transport(sent).then(
            (response) => (answer = response),
            (error) => {
              failed = error;
              throw error;
            },
          );
        };
        let result: Awaited<ReturnType<typeof send>> | undefined;
        let error: ExperienceUsersError | undefined;
        let retry: Failure["retry"] = NEVER;
        let retryAfter: string | null = null;
        try {
          result = await send({ signal, fetch: observe });
        } catch (thrown) {
          if (signal?.aborted) throw thrown;
          if (thrown === failed) {
            ({ error, retry } = transportFailure?.(operation, thrown) ?? {
              error: new NetworkError(operation, thrown),
              retry: IDEMPOTENT,
            });
          } else if (answer && (!middleware || MIDDLEWARE_DONE in (request as Request))) {
            // What throws after the answer went through every middleware is openapi-fetch reading
            // the body: it broke off, or it did not parse.
            if (thrown instanceof SyntaxError) {
              error = new UnexpectedResponseError(
                operation,
                answer.status,
                "the body is not JSON",
                {
                  cause: thrown,
                },
              );
            } else {
              error = new NetworkError(operation, thrown);
              retry = IDEMPOTENT;
            }
          } else throw thrown;
        }
        if (result) {
          const { data, error: body, response } = result;
          const { status } = response;
          hooks.onResponse?.({ ...event(), status, duration: duration() });
          if (response.ok) {
            if (data != null) return data;
            error = new UnexpectedResponseError(operation, status, "the body is empty");
          } else {
            error = new ApiError(operation, status, ...errorBody(body), response.headers);
            if (policy.statuses.has(status)) retry = IDEMPOTENT;
            retryAfter = response.headers.get("retry-after");
          }
        }
        const { retries } = policy;
        const allowed =
          retry === ANY
            ? attempt <= Math.max(1, retries)
            : retry && idempotent && attempt <= retries;
        const delay = !allowed
          ? undefined
          : retry === ANY && attempt === 1
            ? 0
            : retryDelay(policy, attempt - 1, retryAfter);
        const failure = error as ExperienceUsersError & { status?: number };
        if (delay === undefined) throw failure;
        // Every error that has a status has the answer's.
        const { status } = failure;
        hooks.onRetry?.({ ...event(), status, duration: duration(), delay, error: failure });
        await sleep(delay, signal);
      }
    } catch (error) {
      throw signal?.aborted ? signal.reason : error;
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener("abort", onAbort);
    }
  };
}

/** The parsed Error body and the start of any other text, from what openapi-fetch made of a body. */
function errorBody(error: unknown): [ErrorBody | undefined, string | undefined] {
  return typeof error === "object" && error && !Array.isArray(error)
    ? [error as ErrorBody, undefined]
    : [undefined, typeof error === "string" && error ? error.slice(0, 1000) : undefined];
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(resolve, ms);
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop, { once: true });
  });
}
