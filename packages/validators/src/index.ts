export { createValidator, TOO_DEEP, type Validator } from "./create-validator.js";
export { formatIssues, MESSAGE_ISSUE_LIMIT, ValidationError } from "./errors/validation-error.js";
// Every is*/assert*/validate* function and the three validator tables are generated, one per
// component schema, operation request and documented response: listing them here by hand would
// be a second copy of the spec, so they are re-exported as a whole.
export * from "./generated/validators.gen.js";
export type { RawValidateFunction, ValidationIssue, Verdict } from "./raw-validate-function.js";
export { type DecodedRequest, decodeRequest, type RawRequest } from "./request/decode-request.js";
export { bodyMediaTypeProblem, parseJsonBody } from "./request/json-body.js";
export { type RequestProblem, requestProblems } from "./request/request-problem.js";
