import { type OperationId, operations } from "@experience-users/spec";
import { RegExpRouter } from "hono/router/reg-exp-router";
import { getPath, tryDecodeURIComponent } from "hono/utils/url";
import { colonPath, operationsByPath } from "../operation-paths.js";
import { type Problem, problems } from "../problem.js";
import { corsHeaders, preflightAnswer } from "./cors.js";
import type { FakeAnswer, FakeRequest } from "./fake-request.js";
import { type OperationRoute, operationRoute, type RouteContext } from "./operation-route.js";
import type { FakeFault } from "./responder.js";

/** Answers one request: what both adapters (fetch, node:http) call. */
export type Dispatch = (request: FakeRequest) => Promise<FakeAnswer>;

/** One path template of the operations table: its operations by method, and what is allowed. */
interface PathRoutes {
  readonly byMethod: ReadonlyMap<string, OperationRoute>;
  readonly allowed: readonly string[];
}

/**
 * The fake's one request path: the route (Hono's RegExpRouter over the operations table's path
 * templates, matched against the path Hono's own `getPath` reads, parameters percent-decoded as
 * Hono does), then the operation's steps (see operationRoute). Any other method on a known path is
 * a 405 (with `Allow`), any other path a 404, both Error-shaped; HEAD is answered as GET; a CORS
 * preflight on a known path gets a 204, and every answer to a browser page its CORS headers. A step
 * that throws anything but a Problem is answered with an Error-shaped 500 and reported to
 * `onFault`: a last resort tests must never see.
 */
export function createDispatch(
  context: RouteContext,
  onFault: (fault: FakeFault) => void,
): Dispatch {
  const router = new RegExpRouter<PathRoutes>();
  for (const [template, ids] of operationsByPath()) {
    const byMethod = new Map<string, OperationRoute>(
      ids.map((id: OperationId) => [
        operations[id].method.toUpperCase(),
        operationRoute(id, context),
      ]),
    );
    router.add("ALL", colonPath(template), { byMethod, allowed: [...byMethod.keys()] });
  }
  const answer = (problem: Problem) =>
    context.send(undefined, problem.status, problem.body, problem.headers);
  const route = (request: FakeRequest): Promise<FakeAnswer> | FakeAnswer => {
    const [matches, stash] = router.match("ALL", getPath(request as unknown as Request));
    const [found, indexes] = matches[0] ?? [];
    if (found === undefined || indexes === undefined) {
      return answer(problems.routeNotFound(request.method, new URL(request.url).pathname));
    }
    const method = request.method === "HEAD" ? "GET" : request.method;
    const operation = found.byMethod.get(method);
    if (operation === undefined) {
      return (
        preflightAnswer(request, found.allowed) ??
        answer(problems.methodNotAllowed(request.method, found.allowed))
      );
    }
    const path: Record<string, string> = {};
    for (const [name, index] of Object.entries(indexes)) {
      const value = stash?.[index];
      if (value !== undefined) path[name] = tryDecodeURIComponent(value);
    }
    return operation(request, path);
  };
  const answerOf = async (request: FakeRequest): Promise<FakeAnswer> => {
    try {
      const answered = await route(request);
      return request.method === "HEAD" ? { ...answered, body: null } : answered;
    } catch (error) {
      onFault({ kind: "handler-error", message: String(error), cause: error });
      return answer(problems.internal("The fake server failed on this request (see its faults)"));
    }
  };
  return async (request) => {
    const answered = await answerOf(request);
    const cors = corsHeaders(request);
    return cors ? { ...answered, headers: { ...cors, ...answered.headers } } : answered;
  };
}
