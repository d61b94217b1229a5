/**
 * `@experience-users/fake-server/msw`: the fake behind Mock Service Worker 2 (a peer dependency,
 * imported by this entry only).
 */
export { API_BASE_URL } from "./constants.js";
export { type CreateHandlersOptions, createHandlers } from "./msw/create-handlers.js";
