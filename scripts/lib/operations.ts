import { HTTP_METHODS, type HttpMethod } from "../../packages/spec/src/http-methods.ts";
import { isJsonObject } from "../../packages/spec/src/is-json-object.ts";
import type { JsonObject, JsonValue } from "../../packages/spec/src/openapi-document.ts";
import { resolveRef } from "../../packages/spec/src/resolve-ref.ts";
import type { OpenApiDocument } from "./spec.ts";

/** How a parameter travels in a URL or header, derived from its schema. */
export type ParameterEncoding = "string" | "integer" | "number" | "boolean" | "json";

export interface ParameterInfo {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  encoding: ParameterEncoding;
  schema: JsonObject;
  /** The schema's `default`, when it has one. */
  default?: JsonValue;
}

export interface ResponseInfo {
  status: number;
  schema: JsonObject | null;
}

export interface OperationInfo {
  operationId: string;
  method: HttpMethod;
  path: string;
  summary: string;
  /** Accepted scopes: the token needs at least one. */
  scopes: string[];
  parameters: ParameterInfo[];
  requestBody: { required: boolean; schema: JsonObject } | null;
  responses: ResponseInfo[];
  successStatus: number;
}

/** Every operation of the spec, in document order, with its `$ref`s resolved one level. */
export function collectOperations(doc: OpenApiDocument): OperationInfo[] {
  const result: OperationInfo[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isJsonObject(op)) continue;
      const operationId = op.operationId;
      if (typeof operationId !== "string") throw new Error(`${method} ${path} has no operationId`);
      const parameters = [...asArray(item.parameters), ...asArray(op.parameters)].map((p) =>
        parameterInfo(doc, p),
      );
      const responses = Object.entries(asObject(op.responses)).map(([status, value]) =>
        responseInfo(doc, status, value),
      );
      const success = responses.filter((r) => r.status >= 200 && r.status < 300);
      if (success.length !== 1 || !success[0]) {
        throw new Error(`${operationId} must have exactly one 2xx response`);
      }
      result.push({
        operationId,
        method,
        path,
        summary: typeof op.summary === "string" ? op.summary : "",
        scopes: scopesOf(op.security ?? doc.security ?? []),
        parameters,
        requestBody: requestBodyInfo(doc, op.requestBody),
        responses,
        successStatus: success[0].status,
      });
    }
  }
  return result;
}

function parameterInfo(doc: OpenApiDocument, value: JsonValue): ParameterInfo {
  const p = resolveRef(doc, value);
  const where = p.in;
  if (where !== "path" && where !== "query" && where !== "header") {
    throw new Error(`unsupported parameter location ${String(where)}`);
  }
  let schema: JsonObject;
  let encoding: ParameterEncoding;
  if (isJsonObject(p.schema)) {
    schema = p.schema;
    encoding = encodingOf(doc, schema);
  } else {
    const content = asObject(p.content);
    const json = content["application/json"];
    if (!isJsonObject(json) || !isJsonObject(json.schema)) {
      throw new Error(`parameter ${String(p.name)} needs a schema or application/json content`);
    }
    schema = json.schema;
    encoding = "json";
  }
  const info: ParameterInfo = {
    name: String(p.name),
    in: where,
    required: p.required === true,
    encoding,
    schema,
  };
  const resolved = resolveRef(doc, schema);
  if (resolved.default !== undefined) info.default = resolved.default;
  return info;
}

function encodingOf(doc: OpenApiDocument, schema: JsonObject): ParameterEncoding {
  const resolved = resolveRef(doc, schema);
  const type = resolved.type;
  if (type === "integer" || type === "number" || type === "boolean" || type === "string") {
    return type;
  }
  return "string";
}

function responseInfo(doc: OpenApiDocument, status: string, value: JsonValue): ResponseInfo {
  const code = Number(status);
  if (!Number.isInteger(code)) throw new Error(`response code ${status} must be a number`);
  const response = resolveRef(doc, value);
  const json = asObject(response.content)["application/json"];
  return {
    status: code,
    schema: isJsonObject(json) && isJsonObject(json.schema) ? json.schema : null,
  };
}

function requestBodyInfo(
  doc: OpenApiDocument,
  value: JsonValue | undefined,
): OperationInfo["requestBody"] {
  if (value === undefined) return null;
  const body = resolveRef(doc, value);
  const json = asObject(body.content)["application/json"];
  if (!isJsonObject(json) || !isJsonObject(json.schema))
    throw new Error("request bodies must be JSON");
  return { required: body.required === true, schema: json.schema };
}

function scopesOf(security: JsonValue): string[] {
  const scopes: string[] = [];
  for (const requirement of asArray(security)) {
    for (const list of Object.values(asObject(requirement))) {
      for (const scope of asArray(list)) scopes.push(String(scope));
    }
  }
  return scopes;
}

function asArray(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

function asObject(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}
