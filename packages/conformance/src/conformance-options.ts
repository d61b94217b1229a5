import type { FetchFunction } from "./http/attempt.js";
import type { ProgressEvent } from "./report.js";

/** Milliseconds between two requests unless told otherwise: gentle on a real application. */
export const DEFAULT_PACE = 250;
/** Milliseconds one request may take, body included. */
export const DEFAULT_TIMEOUT = 10_000;
/** `429` answers retried per request. */
export const DEFAULT_RATE_LIMIT_RETRIES = 3;
/** Longest wait for one `429`, whatever its `Retry-After` asks. */
export const DEFAULT_MAX_RETRY_AFTER = 60_000;

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The deployment to check, e.g. `https://api.losant.com` or `http://127.0.0.1:4020`. */
  baseUrl: string;
  /** An API token of the application (sent as `Authorization: Bearer`; never reported). */
  token: string;
  /** The application whose Experience Users are listed (and, unless `readOnly`, created). */
  applicationId: string;
  /**
   * What sends the requests, e.g. an in-process fake's `fetch`.
   * @default globalThis.fetch
   */
  fetch?: FetchFunction;
  /**
   * Only list and get (for tokens of production applications): nothing is created, changed or
   * deleted.
   * @default false
   */
  readOnly?: boolean;
  /**
   * For a stateless mock (Prism): judge statuses and schemas only, not what needs state (a
   * created user is listed, a deleted one is a 404, an answer echoes what was sent), and take the
   * id a create answers even when the user it describes is not the one sent.
   * @default false
   */
  stateless?: boolean;
  /**
   * Milliseconds between the end of one request and the start of the next.
   * @default 250
   */
  pace?: number;
  /**
   * Milliseconds one request may take, body included; a slower answer is a `timeout` violation.
   * @default 10000
   */
  timeout?: number;
  /**
   * `429` answers retried per request, each after its `Retry-After` (seconds or an HTTP date).
   * @default 3
   */
  rateLimitRetries?: number;
  /**
   * Longest wait for one `429` in milliseconds; a longer `Retry-After` is cut to it.
   * @default 60000
   */
  maxRetryAfter?: number;
  /**
   * Stops the run: the request in flight is finished (within `timeout`), no other step starts,
   * and the users created so far are deleted before the report is returned.
   */
  signal?: AbortSignal;
  /** Hears each step start and end, each user created and each cleanup result. */
  onProgress?: (event: ProgressEvent) => void;
}
