import type { FakeAnswer, FakeRequest } from "./fake-request.js";

/**
 * CORS, for a browser app on another origin (a dev server on :5173 calling the fake on :4020), as
 * the mock (Prism) grants it: the request's `Origin` is allowed, credentials too, and every header
 * of the answer is readable. Undefined for a request without `Origin` (not from a browser page).
 */
export function corsHeaders(request: FakeRequest): Record<string, string> | undefined {
  const origin = request.headers.get("origin");
  if (!origin) return undefined;
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": "*",
    vary: "origin",
  };
}

/**
 * The answer to a CORS preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) on
 * a path whose methods are `allowed`; undefined for any other request. A 204 that allows those
 * methods and the headers asked for (`*` would not cover `Authorization`), for 10 minutes.
 */
export function preflightAnswer(
  request: FakeRequest,
  allowed: readonly string[],
): FakeAnswer | undefined {
  const cors = corsHeaders(request);
  if (request.method !== "OPTIONS" || !cors) return undefined;
  if (!request.headers.get("access-control-request-method")) return undefined;
  return {
    status: 204,
    headers: {
      ...cors,
      "access-control-allow-methods": allowed.join(", "),
      "access-control-allow-headers": request.headers.get("access-control-request-headers") || "*",
      "access-control-max-age": "600",
      vary: "origin, access-control-request-headers",
    },
    body: null,
  };
}
