import {
  type OperationDescriptor,
  type OperationId,
  type OperationRequest,
  operations,
} from "@experience-users/spec";
import { decodeRequest, requestValidators } from "@experience-users/validators";
import type { Context } from "hono";
import type { OperationHandlers } from "../operation-handlers.js";
import { Problem, problems } from "../problem.js";
import type { TokenRegistry } from "../store/token-registry.js";
import { authenticate } from "./authenticate.js";
import { readJsonBody } from "./read-json-body.js";
import type { Responder } from "./responder.js";

/** What every operation route needs. */
export interface RouteContext {
  readonly tokens: TokenRegistry;
  readonly handlers: OperationHandlers;
  readonly bodyLimit: number;
  readonly send: Responder;
}

/** Runs a step on a decoded value; a value nested deeper than the call stack is a 400. */
async function guarded<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw problems.badRequest("Request is nested too deeply");
    }
    throw error;
  }
}

/**
 * One operation's route: auth (scopes from the operations table), then the JSON body, then
 * decoding, then the generated request validator (every violation listed), then the handler.
 * Problems are answered as the spec's Error; anything else is left to the router's last resort.
 */
export function operationRoute<Op extends OperationId>(
  operationId: Op,
  context: RouteContext,
): (c: Context) => Promise<Response> {
  const operation: OperationDescriptor = operations[operationId];
  return async (c) => {
    try {
      authenticate(c.req.header("authorization"), operation.scopes, context.tokens);
      const body =
        operation.requestBody === null
          ? undefined
          : await readJsonBody(c.req.raw, context.bodyLimit);
      const { request, issues } = decodeRequest(operation, {
        path: c.req.param(),
        search: new URL(c.req.url).searchParams,
        headers: c.req.raw.headers,
        body,
      });
      const all = [
        ...issues,
        ...(await guarded(() => requestValidators[operationId].validate(request))),
      ];
      if (all.length > 0) throw problems.validation(all);
      const handler = context.handlers[operationId];
      const result = await guarded(() => handler(request as OperationRequest<Op>));
      return context.send(operationId, operation.successStatus, result);
    } catch (error) {
      if (error instanceof Problem) {
        return context.send(operationId, error.status, error.body, error.headers);
      }
      throw error;
    }
  };
}
