import type { OperationId } from "@experience-users/spec";
import type { ExperienceUsersError } from "./errors/experience-users-error.js";

/** A request about to leave: given to `onRequest`. Never carries headers or the body. */
export interface RequestEvent {
  /** The spec's operationId, e.g. `listExperienceUsers`. */
  readonly operation: OperationId;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number;
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The full URL, query string included (the token travels in a header, never here). */
  readonly url: string;
}

/** An HTTP answer of one attempt: given to `onResponse`, whatever its status. */
export interface ResponseEvent extends RequestEvent {
  /** The HTTP status. */
  readonly status: number;
  /** Milliseconds from sending the request to the answer's body being read. */
  readonly duration: number;
}

/** An attempt that failed and will be retried: given to `onRetry`. */
export interface RetryEvent extends RequestEvent {
  /** The status of the answer that is retried; `undefined` when no answer arrived. */
  readonly status: number | undefined;
  /** Milliseconds the failed attempt took. */
  readonly duration: number;
  /** Milliseconds the client waits before the next attempt. */
  readonly delay: number;
  /** Why: an ApiError (a retried status) or a NetworkError. */
  readonly error: ExperienceUsersError;
}

/**
 * Hooks for logging and tracing, called synchronously. They are given no header and no body, so
 * no token or password. What a hook throws rejects the call with that error, never retried.
 */
export interface ClientHooks {
  /** Called before each attempt is sent. */
  onRequest?: (event: RequestEvent) => void;
  /** Called when an attempt gets an HTTP answer (any status). */
  onResponse?: (event: ResponseEvent) => void;
  /** Called before the client waits to retry a failed attempt. */
  onRetry?: (event: RetryEvent) => void;
}
