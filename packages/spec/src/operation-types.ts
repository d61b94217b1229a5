import type { Error as ErrorSchema, operations } from "./generated/types/openapi.gen.js";

type OperationName = keyof operations;
type Parameters<Op extends OperationName> = operations[Op]["parameters"];
type JsonContent<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

/**
 * Everything a request to an operation carries, by location, with query values already typed
 * (numbers, booleans, the advanced query object) rather than URL strings.
 */
export type OperationRequest<Op extends OperationName> = {
  path: Parameters<Op>["path"];
  query?: NonNullable<Parameters<Op>["query"]>;
  header?: NonNullable<Parameters<Op>["header"]>;
} & (operations[Op] extends { requestBody: { content: { "application/json": infer Body } } }
  ? { body: Body }
  : unknown);

/** The query of a list request (`listExperienceUsers`): filters, sorting and paging, typed. */
export type ListQuery = NonNullable<OperationRequest<"listExperienceUsers">["query"]>;

/** The JSON body an operation answers with for a given status. */
export type OperationResponse<
  Op extends OperationName,
  Status extends keyof operations[Op]["responses"],
> = JsonContent<operations[Op]["responses"][Status]>;

/** The body of an operation's one 2xx answer. */
export type SuccessBody<Op extends OperationName> = OperationResponse<
  Op,
  Extract<keyof operations[Op]["responses"], 200 | 201>
>;

/** The body of every error answer (the spec's Error schema). */
export type ErrorBody = ErrorSchema;
