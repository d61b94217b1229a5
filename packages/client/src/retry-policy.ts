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

export const MAX_RETRIES = 10;

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
 * The wait before retry number `attempt` (0-based), or `undefined` when the answer's
 * `Retry-After` asks for longer than `maxDelay`.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null,
  now: number = Date.now(),
  random: () => number = Math.random,
): number | undefined {
  if (retryAfter !== null) {
    const asked = parseRetryAfter(retryAfter, now);
    if (asked !== undefined) return asked <= policy.maxDelay ? asked : undefined;
  }
  const backoff = policy.minDelay * 2 ** attempt;
  return Math.min(policy.maxDelay, backoff / 2 + (random() * backoff) / 2);
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms from `now`; undefined if unreadable. */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
