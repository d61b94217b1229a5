import { ExperienceUsersError } from "./experience-users-error.js";

/** The caller aborted the call through its `signal`; `cause` is the signal's reason. */
export class AbortError extends ExperienceUsersError {
  override readonly name = "AbortError";

  constructor(operation: string, reason: unknown) {
    super(operation, `${operation} was aborted`, { cause: reason });
  }
}
