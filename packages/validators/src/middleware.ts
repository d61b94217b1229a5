// A subpath of its own: the middleware needs the operations table of @experience-users/spec at run
// time, which the validators themselves do not, so importing the validators stays cheap.
export {
  type ValidationMiddleware,
  type ValidationMiddlewareOptions,
  validationMiddleware,
} from "./validation-middleware.js";
