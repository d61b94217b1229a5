export { document, serverUrl } from "./document.js";
export { type OperationId, operationIds, operations } from "./generated/spec/operations.gen.js";
export { routes } from "./generated/spec/routes.gen.js";
export type {
  AdvancedExperienceUserQuery,
  AdvancedExperienceUserQueryList,
  components,
  Error,
  ExperienceGroupFilter,
  ExperienceGroupIds,
  ExperienceGroupSummary,
  ExperienceUser,
  ExperienceUserPatch,
  ExperienceUserPost,
  ExperienceUsers,
  FieldCondition,
  FieldOperators,
  Id,
  IdCondition,
  IdList,
  IdOperators,
  NonEmptyString,
  NullableId,
  operations as OperationTypes,
  paths,
  QueryValue,
  QueryValueList,
  Success,
  TagKeyValueMatcher,
  TagMapMatcher,
  TagMatch,
  TagString,
  TagStringList,
  UserTags,
  UserTagsCondition,
  UserTagsMatcher,
} from "./generated/types/openapi.gen.js";
export { HTTP_METHODS, type HttpMethod } from "./http-methods.js";
export { isJsonObject } from "./is-json-object.js";
export type { JsonObject, JsonValue, OpenApiDocument } from "./openapi-document.js";
export type {
  OperationDescriptor,
  ParameterDescriptor,
  ParameterEncoding,
} from "./operation-descriptor.js";
export type {
  ErrorBody,
  ListQuery,
  OperationRequest,
  OperationResponse,
  SuccessBody,
} from "./operation-types.js";
export { resolveRef, valueAt, valueAtPointer } from "./resolve-ref.js";
