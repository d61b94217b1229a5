import {
  type OperationDescriptor,
  type OperationId,
  type OperationRequest,
  operations,
} from "@experience-users/spec";
import { decodeRequest, requestValidators } from "@experience-users/validators";
import type { OperationHandlers } from "../operation-handlers.js";
import { Problem, problems } from "../problem.js";
import type { TokenRegistry } from "../store/token-registry.js";
import { authenticate } from "./authenticate.js";
import type { FakeAnswer, FakeRequest } from "./fake-request.js";
import { readJsonBody } from "./read-json-body.js";
import type { Responder } from "./responder.js";

/** What every operation route needs. */
export interface RouteContext {
  readonly tokens: TokenRegistry;
  readonly handlers: OperationHandlers;
  readonly bodyLimit: number;
  readonly send: Responder;
}

/** One operation's route, given the request and its percent-decoded path parameters. */
export type OperationRoute = (
  request: FakeRequest,
  path: Readonly<Record<string, string>>,
) => Promise<FakeAnswer>;

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

/** The query string of an absolute URL (after `?`, before `#`). */
function searchOf(url: string): string {
  const query = url.indexOf("?");
  if (query === -1) return "";
  const hash = url.indexOf("#", query);
  return url.slice(query + 1, hash === -1 ? undefined : hash);
}

/**
 * One operation's route: auth (scopes from the operations table), then the JSON body, then
 * decoding, then the generated request validator (every violation listed), then the handler.
 * Problems are answered as the spec's Error; anything else is left to the dispatcher's last resort.
 */
export function operationRoute<Op extends OperationId>(
  operationId: Op,
  context: RouteContext,
): OperationRoute {
  const operation: OperationDescriptor = operations[operationId];
  return async (raw, path) => {
    try {
      authenticate(raw.headers.get("authorization") ?? undefined, operation.scopes, context.tokens);
      const body =
        operation.requestBody === null ? undefined : await readJsonBody(raw, context.bodyLimit);
      const { request, issues } = decodeRequest(operation, {
        path,
        search: new URLSearchParams(searchOf(raw.url)),
        headers: raw.headers,
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
