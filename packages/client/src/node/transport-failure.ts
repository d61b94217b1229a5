import { NetworkError } from "../errors/network-error.js";
import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { ANY, type Failure, NEVER } from "../failure.js";
import { RESPONSE_TOO_LARGE } from "../transport.js";
import { provenNeverSent } from "./never-sent.js";

/**
 * How the Node entry reads a transport's error: an answer over the Node transport's size limit is
 * a ResponseTooLargeError, never retried; an error whose code proves the request never left (a
 * refused connection...) may be sent again whatever the method. Browsers' fetch errors carry no
 * such codes, so the platform build leaves this out.
 */
export function nodeTransportFailure(operation: string, error: unknown): Failure | undefined {
  const { code, status, limit } = (error ?? {}) as {
    code?: unknown;
    status?: number;
    limit?: number;
  };
  if (code === RESPONSE_TOO_LARGE) {
    const tooLarge = new ResponseTooLargeError(operation, status ?? 0, limit ?? 0, {
      cause: error,
    });
    return { error: tooLarge, retry: NEVER };
  }
  if (provenNeverSent(error)) return { error: new NetworkError(operation, error), retry: ANY };
  return undefined;
}
