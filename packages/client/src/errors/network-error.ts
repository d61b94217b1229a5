import { ExperienceUsersError } from "./experience-users-error.js";

/** The request never got an HTTP answer (DNS, refused or reset connection...). See `cause`. */
export class NetworkError extends ExperienceUsersError {
  override readonly name = "NetworkError";

  constructor(operation: string, cause: unknown) {
    super(operation, `${operation} failed before an answer arrived: ${describe(cause)}`, { cause });
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
  return cause.message + inner;
}
