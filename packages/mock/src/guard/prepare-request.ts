import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { parseJsonBody, requestProblems } from "@experience-users/validators";
import type { GuardAnswer } from "./answers.js";
import { requestIssues, upstreamAuthorization, upstreamQuery } from "./check-request.js";
import type { MatchedOperation } from "./match-operation.js";
import type { BodyOutcome } from "./read-body.js";

/** What the guard sends Prism, and what it found wrong with the request (if anything). */
export interface PreparedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Undefined: no body (none came, the operation takes none, or the request is refused). */
  readonly body: Buffer | undefined;
  /** The Error the client gets unless Prism refuses the request's authentication. */
  readonly problem: GuardAnswer | undefined;
}

function headerLookup(request: IncomingMessage) {
  return {
    get: (name: string) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/**
 * Prepares a request whose body has been read (or refused: `mediaTypeProblem`, `too-large`).
 * For one of the spec's operations: the body is parsed and the whole request decoded and
 * validated as the fake does; a refused request goes to Prism without its body (Prism then only
 * decides authentication), and a body the operation does not take is dropped. Any other request
 * goes as it came.
 */
export function prepareRequest(
  request: IncomingMessage,
  matched: MatchedOperation | undefined,
  outcome: Exclude<BodyOutcome, { kind: "aborted" | "timed-out" }>,
  options: { readonly bodyLimit: number; readonly mediaTypeProblem: GuardAnswer | undefined },
): PreparedRequest {
  const url = request.url ?? "/";
  const bytes = outcome.kind === "read" && outcome.bytes.byteLength > 0 ? outcome.bytes : undefined;
  if (matched === undefined) {
    return { path: url, headers: request.headers, body: bytes, problem: undefined };
  }
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? "" : url.slice(queryAt + 1);
  const authorization = upstreamAuthorization(request.headers.authorization);
  const headers =
    authorization === request.headers.authorization
      ? request.headers
      : { ...request.headers, authorization };
  const path =
    rawQuery === "" ? pathname : `${pathname}?${upstreamQuery(matched.operation, rawQuery)}`;
  const takesBody = matched.operation.requestBody !== null;

  let problem =
    options.mediaTypeProblem ??
    (outcome.kind === "too-large" ? requestProblems.tooLarge(options.bodyLimit) : undefined);
  if (problem === undefined) {
    const parsed = takesBody
      ? parseJsonBody(request.headers["content-type"], bytes ?? Buffer.alloc(0))
      : { value: undefined };
    if ("problem" in parsed) problem = parsed.problem;
    else {
      const issues = requestIssues(matched.operation, {
        path: matched.path,
        search: new URLSearchParams(rawQuery),
        headers: headerLookup(request),
        body: parsed.value,
      });
      if (issues.length > 0) problem = requestProblems.validation(issues);
    }
  }
  const body = takesBody && problem === undefined ? bytes : undefined;
  return { path, headers, body, problem };
}
