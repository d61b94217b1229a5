/** A JSON value. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A JSON object: neither `null` nor an array. */
export type JsonObject = { [key: string]: JsonValue };

/** The top of an OpenAPI 3.1 document; the rest is plain JSON. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly [key: string]: JsonValue;
  };
  readonly paths: { readonly [path: string]: { readonly [key: string]: JsonValue } };
  readonly components: { readonly [section: string]: { readonly [name: string]: JsonValue } };
  readonly [key: string]: JsonValue | object;
}
