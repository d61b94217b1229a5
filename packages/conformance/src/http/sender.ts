import { type Answer, attempt, type FetchFunction, type TransportFailure } from "./attempt.js";
import { InterruptedError } from "./interrupted-error.js";
import type { PreparedRequest } from "./prepare-request.js";
import { retryAfterDelay } from "./retry-after.js";
import { sleep } from "./sleep.js";

/** How the sender paces itself and waits out rate limits. */
export interface SenderOptions {
  readonly fetch: FetchFunction;
  /** Milliseconds between the end of one request and the start of the next. */
  readonly pace: number;
  /** Milliseconds one attempt may take, body included. */
  readonly timeout: number;
  /** `429`s retried per request. */
  readonly rateLimitRetries: number;
  /** Longest wait for one `429` (a longer `Retry-After` is cut to it). */
  readonly maxRetryAfter: number;
}

/** An answer or a transport failure, with its timing. */
export type Outcome = (Answer | TransportFailure) & {
  /** Milliseconds of the attempts (pacing and 429 waits excluded). */
  readonly durationMs: number;
  readonly attempts: number;
};

/** Sends requests one at a time, `pace` ms apart, retrying `429`s after their `Retry-After`. */
export class Sender {
  readonly #options: SenderOptions;
  #lastEnd = Number.NEGATIVE_INFINITY;

  constructor(options: SenderOptions) {
    this.#options = options;
  }

  /**
   * Sends a request. `stop` cuts the waits short (pacing before the first attempt: an
   * {@link InterruptedError}; a `429` wait: the `429` is the outcome), never an attempt in
   * flight.
   */
  async send(request: PreparedRequest, stop?: AbortSignal): Promise<Outcome> {
    const { fetch, pace, timeout, rateLimitRetries, maxRetryAfter } = this.#options;
    const paced = await sleep(this.#lastEnd + pace - performance.now(), stop);
    if (!paced) throw new InterruptedError();
    let durationMs = 0;
    for (let attempts = 1; ; attempts++) {
      const started = performance.now();
      const result = await attempt(fetch, request, timeout);
      this.#lastEnd = performance.now();
      durationMs += this.#lastEnd - started;
      const outcome = { ...result, durationMs: Math.round(durationMs), attempts };
      if (!("status" in result) || result.status !== 429 || attempts > rateLimitRetries) {
        return outcome;
      }
      const backoff = Math.min(maxRetryAfter, Math.max(pace, 1000) * 2 ** (attempts - 1));
      const wait = retryAfterDelay(result.headers.get("retry-after"), maxRetryAfter) ?? backoff;
      if (!(await sleep(wait, stop))) return outcome;
    }
  }
}
