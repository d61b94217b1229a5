import type { ExperienceUsersError } from "./errors/experience-users-error.js";

/** After this failure, asking again is useless. */
export const NEVER = 0;
/** After this failure, GET and DELETE may be sent again when retries are on. */
export const IDEMPOTENT = 1;
/** The request was proven never sent: any call may be sent once more, even with retries off. */
export const ANY = 2;

/** A failed attempt: the typed error and which calls may be sent again after it. */
export interface Failure {
  error: ExperienceUsersError;
  /** {@link NEVER}, {@link IDEMPOTENT} or {@link ANY}. */
  retry: typeof NEVER | typeof IDEMPOTENT | typeof ANY;
  /** The answer's `Retry-After`, when it had one. */
  retryAfter?: string | null;
}

/**
 * What a platform knows of its transports' errors: the failure one stands for, or `undefined` for
 * the client's reading (a NetworkError, retried for GET and DELETE).
 */
export type TransportFailure = (operation: string, error: unknown) => Failure | undefined;
