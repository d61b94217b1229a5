import { ExperienceUsersError } from "./experience-users-error.js";

/**
 * An answer arrived, but its body (after decoding) was over the transport's `maxBodySize`. It is
 * not a network failure and is never retried: asking again would get the same answer.
 */
export class ResponseTooLargeError extends ExperienceUsersError {
  override readonly name = "ResponseTooLargeError";
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** The limit that was exceeded, in bytes. */
  declare readonly limit: number;

  constructor(operation: string, status: number, limit: number, options?: { cause?: unknown }) {
    super(
      operation,
      `${operation} got a ${status} answer whose body is over ${limit} bytes (maxBodySize)`,
      options,
    );
    this.status = status;
    this.limit = limit;
  }
}
