import type { Middleware } from "openapi-fetch";

/** Set on a request once every middleware's `onResponse` has run over its answer. */
export const MIDDLEWARE_DONE: unique symbol = Symbol();

/**
 * Registered before the caller's middleware, so openapi-fetch runs its `onResponse` after theirs:
 * what throws after that point is openapi-fetch reading the body (it broke off or did not parse),
 * not a middleware.
 */
export const middlewareDone: Middleware = {
  onResponse({ request }) {
    (request as Request & { [MIDDLEWARE_DONE]?: true })[MIDDLEWARE_DONE] = true;
  },
};
