import { operations } from "@experience-users/spec";
import { Hono } from "hono";
import { colonPath, operationsByPath } from "../operation-paths.js";
import { type Problem, problems } from "../problem.js";
import { operationRoute, type RouteContext } from "./operation-route.js";
import type { FakeFault } from "./responder.js";

/**
 * The Hono app: one route per operation of the operations table; any other method on a known
 * path is a 405 (with `Allow`), any other path a 404, both Error-shaped. A handler that throws is
 * answered with an Error-shaped 500 and reported to `onFault`: a last resort tests must never see.
 */
export function createRouter(context: RouteContext, onFault: (fault: FakeFault) => void): Hono {
  const app = new Hono();
  const answer = (problem: Problem) =>
    context.send(undefined, problem.status, problem.body, problem.headers);
  for (const [template, ids] of operationsByPath()) {
    const path = colonPath(template);
    for (const id of ids)
      app.on(operations[id].method.toUpperCase(), path, operationRoute(id, context));
    const allowed = ids.map((id) => operations[id].method.toUpperCase());
    app.all(path, (c) => answer(problems.methodNotAllowed(c.req.method, allowed)));
  }
  app.notFound((c) => answer(problems.routeNotFound(c.req.method, new URL(c.req.url).pathname)));
  app.onError((error) => {
    onFault({ kind: "handler-error", message: String(error), cause: error });
    return answer(problems.internal("The fake server failed on this request (see its faults)"));
  });
  return app;
}
