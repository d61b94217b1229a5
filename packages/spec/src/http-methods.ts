/** The HTTP methods an OpenAPI path item can hold an operation under, lower-case. */
export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;

/** A lower-case HTTP method of an OpenAPI operation. */
export type HttpMethod = (typeof HTTP_METHODS)[number];
