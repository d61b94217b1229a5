import { ExperienceUsersError } from "./experience-users-error.js";

/** A 2xx answer the spec does not allow: no body, or a body that is not JSON. */
export class UnexpectedResponseError extends ExperienceUsersError {
  override readonly name = "UnexpectedResponseError";
  /** The HTTP status of the answer. */
  declare readonly status: number;

  constructor(operation: string, status: number, reason: string, options?: { cause?: unknown }) {
    super(operation, `${operation} got an unexpected ${status} answer: ${reason}`, options);
    this.status = status;
  }
}
