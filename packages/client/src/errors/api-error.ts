import type { ErrorBody } from "@experience-users/spec";
import { ExperienceUsersError } from "./experience-users-error.js";

/**
 * The API answered with a non-2xx status. `body` is the parsed Error object (`{ type, message }`)
 * when the answer was JSON; `text` holds the start of any other answer (an HTML 502 page, say).
 */
export class ApiError extends ExperienceUsersError {
  override readonly name = "ApiError";
  /** The HTTP status, e.g. 400, 401, 403, 404, 429, 502. */
  declare readonly status: number;
  /** The parsed Error body, when the answer was a JSON object. */
  declare readonly body: ErrorBody | undefined;
  /** The first 1,000 characters of a body that was not JSON. */
  declare readonly text: string | undefined;
  /** The answer's headers (`Retry-After`, `sl-violations`, ...). */
  declare readonly headers: Headers;

  constructor(
    operation: string,
    status: number,
    body: ErrorBody | undefined,
    text: string | undefined,
    headers: Headers,
  ) {
    super(
      operation,
      `${operation} failed with ${status}${body?.type ? ` ${body.type}` : ""}: ${body?.message ?? (text ? "the body is not JSON" : "the body is empty")}`,
    );
    this.status = status;
    this.body = body;
    this.text = text;
    this.headers = headers;
  }
}
