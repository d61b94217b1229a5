export type {
  AdvancedExperienceUserQuery,
  Error as ErrorBody,
  ExperienceGroupSummary,
  ExperienceUser,
  ExperienceUserPatch,
  ExperienceUserPost,
  ExperienceUsers,
  FieldCondition,
  FieldOperators,
  IdCondition,
  Success,
  UserTags,
  UserTagsCondition,
} from "@experience-users/spec";
export type { Middleware } from "openapi-fetch";
export type {
  ClientOptions,
  CreateExperienceUserParams,
  ExperienceUserParams,
  ExperienceUsersApi,
  ExperienceUsersClient,
  ListExperienceUsersParams,
} from "./client.js";
export { createClient } from "./create-client.js";
export { DEFAULT_ACCEPT_VERSION, DEFAULT_BASE_URL, DEFAULT_TIMEOUT } from "./defaults.js";
export { AbortError } from "./errors/abort-error.js";
export { ApiError } from "./errors/api-error.js";
export { ExperienceUsersError } from "./errors/experience-users-error.js";
export { NetworkError } from "./errors/network-error.js";
export { ResponseTooLargeError } from "./errors/response-too-large-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export { UnexpectedResponseError } from "./errors/unexpected-response-error.js";
export type { CallOptions } from "./execute.js";
export type { ClientHooks, RequestEvent, ResponseEvent, RetryEvent } from "./hooks.js";
export type { RetryOptions } from "./retry-policy.js";
export { serializeQuery } from "./serialize-query.js";
export type { Transport } from "./transport.js";
