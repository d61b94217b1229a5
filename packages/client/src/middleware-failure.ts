import type { Middleware } from "openapi-fetch";

/** Carries an error thrown by a caller's middleware through the call, to be rethrown as it is. */
export class MiddlewareFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Wraps a caller's middleware so that what it throws (a ValidationError, say) reaches the caller
 * unchanged instead of being reported as a NetworkError.
 */
export function passThroughErrors(middleware: Middleware): Middleware {
  const wrapped: Record<string, unknown> = {};
  for (const hook of ["onRequest", "onResponse", "onError"] as const) {
    const fn = middleware[hook] as ((...args: unknown[]) => unknown) | undefined;
    if (!fn) continue;
    wrapped[hook] = async (...args: unknown[]) => {
      try {
        return await fn.apply(middleware, args);
      } catch (error) {
        throw new MiddlewareFailure(error);
      }
    };
  }
  return wrapped as Middleware;
}
