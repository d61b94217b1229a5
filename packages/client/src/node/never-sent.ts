/** Codes of failures to open a connection: the request cannot have reached any server. */
const CONNECT_FAILURES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

interface ErrorLike {
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether a transport error proves the request was never sent: the connection was refused, its
 * host not found, or connecting timed out (Node's fetch puts the code on `cause`; an
 * `AggregateError` of connection attempts counts when every attempt failed that way). Such a
 * request is safe to send again whatever its method.
 */
export function provenNeverSent(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 3) return false;
  const { code, cause, errors } = error as ErrorLike;
  if (typeof code === "string" && CONNECT_FAILURES.has(code)) return true;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.every((inner) => provenNeverSent(inner, depth + 1));
  }
  return provenNeverSent(cause, depth + 1);
}
