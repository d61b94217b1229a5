import type { Middleware } from "openapi-fetch";

/** Set on a request once every middleware's `onResponse` has run over its answer. */
export const MIDDLEWARE_DONE: unique symbol = Symbol();

/**
 * Registered before the caller's middleware, so openapi-fetch runs its `onResponse` after theirs:
 * a SyntaxError after that point is openapi-fetch parsing the body, not a middleware's own.
 */
export const middlewareDone: Middleware = {
  onResponse({ request }) {
    (request as Request & { [MIDDLEWARE_DONE]?: true })[MIDDLEWARE_DONE] = true;
  },
};
