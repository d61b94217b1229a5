import { ExperienceUsersError } from "./experience-users-error.js";

/** The call (with any retries) did not finish within its timeout. */
export class TimeoutError extends ExperienceUsersError {
  override readonly name = "TimeoutError";
  /** The timeout that expired, in milliseconds. */
  declare readonly timeout: number;

  constructor(operation: string, timeout: number) {
    super(operation, `${operation} timed out after ${timeout} ms`);
    this.timeout = timeout;
  }
}
