import { formatIssues } from "../errors/validation-error.js";
import type { ValidationIssue } from "../raw-validate-function.js";

/**
 * Why a request is refused before it reaches an operation's handler: the HTTP status and the
 * spec's Error body (`{ type, message }`). The fake server and the mock's guard both answer with
 * these, so they refuse the same request in the same words.
 */
export interface RequestProblem {
  readonly status: 400 | 413 | 415;
  readonly type: "Validation" | "BadRequest" | "PayloadTooLarge" | "UnsupportedMediaType";
  readonly message: string;
}

/** Every {@link RequestProblem}, by cause. */
export const requestProblems = {
  /** 400 `Validation`: every violation, with its JSON pointer (see {@link formatIssues}). */
  validation: (issues: readonly ValidationIssue[]): RequestProblem => ({
    status: 400,
    type: "Validation",
    message: formatIssues(issues),
  }),
  /** 400 `BadRequest`: the body's bytes are not UTF-8. */
  notUtf8: (): RequestProblem => ({
    status: 400,
    type: "BadRequest",
    message: "Request body is not valid UTF-8",
  }),
  /** 400 `BadRequest`: the body is not JSON. */
  notJson: (): RequestProblem => ({
    status: 400,
    type: "BadRequest",
    message: "Request body is not valid JSON",
  }),
  /** 400 `BadRequest`: the connection failed while the body was being read. */
  unreadable: (): RequestProblem => ({
    status: 400,
    type: "BadRequest",
    message: "Request body could not be read",
  }),
  /** 413 `PayloadTooLarge`: the body is larger than `limit` bytes. */
  tooLarge: (limit: number): RequestProblem => ({
    status: 413,
    type: "PayloadTooLarge",
    message: `Request body is larger than ${limit} bytes`,
  }),
  /** 415 `UnsupportedMediaType`: a body that is not declared as JSON. */
  unsupportedMediaType: (): RequestProblem => ({
    status: 415,
    type: "UnsupportedMediaType",
    message: "Content-Type must be application/json",
  }),
};
