import type { OperationId } from "@experience-users/spec";
import { problems } from "../problem.js";
import { RenderedJson } from "../rendered-json.js";
import { responseViolations } from "./check-response.js";
import type { FakeAnswer } from "./fake-request.js";

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

/** Makes a JSON answer (a {@link RenderedJson} body is sent as its text). */
export type Responder = (
  operationId: OperationId | undefined,
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
) => FakeAnswer;

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Makes the function every answer goes through. With `validateResponses`, a body that fails its
 * generated response validator is replaced by a 500 Error naming the violations, and recorded.
 */
export function createResponder(options: {
  validateResponses: boolean;
  onFault: (fault: FakeFault) => void;
}): Responder {
  return (operationId, status, body, headers = NO_HEADERS) => {
    const rendered = body instanceof RenderedJson;
    const violations = options.validateResponses
      ? responseViolations(operationId, status, rendered ? body.value() : body)
      : undefined;
    if (violations === undefined) {
      return { status, headers, body: rendered ? body.text : JSON.stringify(body) };
    }
    const message = `The fake's ${status} response failed validation (${violations})`;
    options.onFault({ kind: "invalid-response", message, ...(operationId && { operationId }) });
    return {
      status: 500,
      headers: NO_HEADERS,
      body: JSON.stringify(problems.internal(message).body),
    };
  };
}
