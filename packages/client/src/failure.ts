import type { ExperienceUsersError } from "./errors/experience-users-error.js";

/** A failed attempt: the typed error and which calls may be sent again after it. */
export interface Failure {
  error: ExperienceUsersError;
  /** `any`: proven never sent; `idempotent`: GET and DELETE only; `never`: asking again is useless. */
  retry: "any" | "idempotent" | "never";
  /** The answer's `Retry-After`, when it had one. */
  retryAfter?: string | null;
}

/**
 * What a platform knows of its transports' errors: the failure one stands for, or `undefined` for
 * the client's reading (a NetworkError, retried for GET and DELETE).
 */
export type TransportFailure = (operation: string, error: unknown) => Failure | undefined;
