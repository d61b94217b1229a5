import type { HttpMethod } from "./http-methods.js";

/** How a parameter travels in a URL or header. `json` parameters are sent as one JSON string. */
export type ParameterEncoding = "string" | "integer" | "number" | "boolean" | "json";

/** One parameter of an operation, as the operations table describes it. */
export interface ParameterDescriptor {
  readonly name: string;
  readonly in: "path" | "query" | "header";
  readonly required: boolean;
  readonly encoding: ParameterEncoding;
  /** The spec's default for the parameter, when it has one. */
  readonly default?: string | number | boolean;
}

/** One operation of the spec: what a router, an auth layer or a client needs to know of it. */
export interface OperationDescriptor {
  readonly operationId: string;
  /** Lower-case HTTP method. */
  readonly method: HttpMethod;
  /** Path template, e.g. `/applications/{applicationId}/experience/users`. */
  readonly path: string;
  readonly summary: string;
  /** The scopes the operation accepts: a token needs at least one of them. */
  readonly scopes: readonly string[];
  /** The one documented 2xx status. */
  readonly successStatus: number;
  /** Every documented status, in the spec's order. */
  readonly statuses: readonly number[];
  /** The JSON request body, with the name of its component schema. */
  readonly requestBody: { readonly required: boolean; readonly schema: string | null } | null;
  readonly parameters: readonly ParameterDescriptor[];
}
