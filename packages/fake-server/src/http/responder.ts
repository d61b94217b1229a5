import type { OperationId } from "@experience-users/spec";
import { problems } from "../problem.js";
import { responseViolations } from "./check-response.js";

/** A 500 the fake answered: a handler threw, or a response failed its validator. */
export interface FakeFault {
  readonly kind: "handler-error" | "invalid-response";
  /** The operation being answered; absent outside any operation. */
  readonly operationId?: OperationId;
  /** What went wrong, with the violations or the thrown error's message. */
  readonly message: string;
  /** The thrown value, for a handler error. */
  readonly cause?: unknown;
}

/** Sends a JSON answer. */
export type Responder = (
  operationId: OperationId | undefined,
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
) => Response;

function json(status: number, body: unknown, headers: Readonly<Record<string, string>>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
  });
}

/**
 * Makes the function every answer goes through. With `validateResponses`, a body that fails its
 * generated response validator is replaced by a 500 Error naming the violations, and recorded.
 */
export function createResponder(options: {
  validateResponses: boolean;
  onFault: (fault: FakeFault) => void;
}): Responder {
  return (operationId, status, body, headers = {}) => {
    const violations = options.validateResponses
      ? responseViolations(operationId, status, body)
      : undefined;
    if (violations === undefined) return json(status, body, headers);
    const message = `The fake's ${status} response failed validation (${violations})`;
    options.onFault({ kind: "invalid-response", message, ...(operationId && { operationId }) });
    return json(500, problems.internal(message).body, {});
  };
}
