/** Retries of idempotent calls (GET, DELETE). Off unless `retries` is above 0. */
export interface RetryOptions {
  /** Retries after the first attempt, 0 to 10. Default 0 (no retries). */
  retries?: number;
  /** First backoff delay in ms; doubles each attempt, with jitter. Default 200. */
  minDelay?: number;
  /**
   * Longest wait before a retry, in ms. A `Retry-After` asking for longer ends the retries
   * (the error is thrown) rather than being cut short. Default 10,000.
   */
  maxDelay?: number;
  /** Statuses that are retried. Default 429, 502, 503, 504. `Retry-After` is honoured on all. */
  statuses?: readonly number[];
}

export interface RetryPolicy {
  readonly retries: number;
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly statuses: ReadonlySet<number>;
}

const MAX_RETRIES = 10;

export function retryPolicy(options: RetryOptions | number | undefined): RetryPolicy {
  const o = typeof options === "number" ? { retries: options } : (options ?? {});
  const retries = Math.trunc(o.retries ?? 0);
  if (!(retries >= 0 && retries <= MAX_RETRIES)) {
    throw new RangeError(`retries must be between 0 and ${MAX_RETRIES}, got ${o.retries}`);
  }
  return {
    retries,
    minDelay: Math.max(0, o.minDelay ?? 200),
    maxDelay: Math.max(0, o.maxDelay ?? 10_000),
    statuses: new Set(o.statuses ?? [429, 502, 503, 504]),
  };
}

/**
 * The wait before retry number `attempt` (0-based): the answer's `Retry-After` (delta-seconds or
 * an HTTP date) when it is readable, else exponential backoff with jitter; `undefined` when
 * `Retry-After` asks for longer than `maxDelay`.
 */
export function retryDelay(
  { minDelay, maxDelay }: RetryPolicy,
  attempt: number,
  retryAfter: string | null | undefined,
): number | undefined {
  const text = retryAfter?.trim() ?? "";
  // NaN (not a number nor a date) fails both comparisons below.
  const asked = /^\d+$/.test(text) ? +text * 1000 : Math.max(0, Date.parse(text) - Date.now());
  if (asked >= 0) return asked <= maxDelay ? asked : undefined;
  const backoff = minDelay * 2 ** attempt;
  return Math.min(maxDelay, backoff / 2 + (Math.random() * backoff) / 2);
}
