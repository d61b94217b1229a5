import type { ErrorBody } from "@experience-users/spec";
import {
  type RequestProblem,
  requestProblems,
  type ValidationIssue,
} from "@experience-users/validators";
import { errorExample } from "./spec-lookups.js";

/**
 * An error answer the fake gives on purpose: an HTTP status and the spec's Error body
 * (`{ type, message }`). Thrown anywhere below the router, answered by it.
 */
export class Problem extends Error {
  override readonly name = "Problem";

  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The Problem of a request refused before its handler (shared with the mock's guard). */
  static of(problem: RequestProblem): Problem {
    return new Problem(problem.status, problem.type, problem.message);
  }

  /** The Error body sent to the client. */
  get body(): Required<ErrorBody> {
    return { type: this.type, message: this.message };
  }
}

const fromSpec = (status: number, response: string): (() => Problem) => {
  const { type, message } = errorExample(response);
  return () => new Problem(status, type, message);
};

/** Every Problem the fake answers with; 401, 403 and 404 bodies are the spec's own examples. */
export const problems = {
  validation: (issues: readonly ValidationIssue[]) =>
    Problem.of(requestProblems.validation(issues)),
  invalid: (message: string) => new Problem(400, "Validation", message),
  badRequest: (message: string) => new Problem(400, "BadRequest", message),
  unauthorized: fromSpec(401, "Unauthorized"),
  forbidden: fromSpec(403, "Forbidden"),
  applicationNotFound: fromSpec(404, "ApplicationNotFound"),
  userNotFound: fromSpec(404, "ExperienceUserNotFound"),
  routeNotFound: (method: string, path: string) =>
    new Problem(404, "NotFound", `No route for ${method} ${path}`),
  methodNotAllowed: (method: string, allowed: readonly string[]) =>
    new Problem(
      405,
      "MethodNotAllowed",
      `${method} is not allowed here; use ${allowed.join(", ")}`,
      {
        allow: allowed.join(", "),
      },
    ),
  payloadTooLarge: (limit: number) => Problem.of(requestProblems.tooLarge(limit)),
  headersTooLarge: () =>
    new Problem(
      431,
      "RequestHeaderFieldsTooLarge",
      "The request line and headers are too large (the query string counts)",
    ),
  malformedRequest: () => new Problem(400, "BadRequest", "Malformed HTTP request"),
  internal: (message: string) => new Problem(500, "InternalError", message),
};
