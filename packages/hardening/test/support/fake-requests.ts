import { serializeQuery } from "@experience-users/client";
import { type OperationId, operations } from "@experience-users/spec";
import { responseValidators, type Validator } from "@experience-users/validators";

import { jsonSchemas } from "./json-schemas.js";

const { schemas } = jsonSchemas;

/** The JSON Schema of an operation's request (`{ path, query, header, body }`). */
export function requestSchema(operationId: OperationId): Record<string, unknown> {
  const schema = schemas[`request_${operationId}`];
  if (!schema) throw new Error(`no request schema for ${operationId}`);
  return schema;
}

/** A typed request, as the request validators see it. */
export interface TypedRequest {
  path: Record<string, string>;
  query?: Record<string, unknown>;
  header?: Record<string, string>;
  body?: unknown;
}

/** Turns a typed request into the HTTP request a client would send (the client's own encoding). */
export function toHttp(operationId: OperationId, request: TypedRequest, token: string): Request {
  const op = operations[operationId];
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(request.path[name] ?? ""),
  );
  const search = request.query ? serializeQuery(request.query) : "";
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...request.header };
  const init: RequestInit = { method: op.method.toUpperCase(), headers };
  if (request.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(request.body);
  }
  return new Request(`http://fake.local${path}${search ? `?${search}` : ""}`, init);
}

/** The validator of an operation's answer with the given status, if the status is documented. */
export function responseValidator(
  operationId: OperationId,
  status: number,
): Validator<unknown> | undefined {
  return (responseValidators[operationId] as Record<number, Validator<unknown>>)[status];
}
