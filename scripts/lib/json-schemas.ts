import { isJsonObject } from "../../packages/spec/src/is-json-object.ts";
import type { JsonObject, JsonValue } from "../../packages/spec/src/openapi-document.ts";
import { collectOperations, type OperationInfo, type ParameterInfo } from "./operations.ts";
import type { OpenApiDocument } from "./spec.ts";

/** The `$id` under which the spec's component schemas are registered (as `$defs`). */
const DEFS_ID = "experience-users";

/** A JSON Schema to compile, and the name of the validator exported for it. */
export interface SchemaEntry {
  exportName: string;
  schema: JsonObject;
  /** The schema key ajv compiles for this entry: a `$defs` entry itself when `schema` is only a `$ref` to it. */
  key: string;
}

export interface ResponseEntry extends SchemaEntry {
  operationId: string;
  status: number;
}

export interface RequestEntry extends SchemaEntry {
  operation: OperationInfo;
}

export interface JsonSchemaSet {
  /** The component schemas as one JSON Schema 2020-12 document with `$defs`. */
  defs: JsonObject;
  components: (SchemaEntry & { name: string; description: string })[];
  requests: RequestEntry[];
  responses: ResponseEntry[];
}

/**
 * Turns the spec into plain JSON Schemas: the components become `$defs`, and each operation gets
 * a request schema (`{ path, query, header, body }`) and one schema per documented status.
 */
export function jsonSchemasOf(doc: OpenApiDocument): JsonSchemaSet {
  const defs: JsonObject = {
    $id: DEFS_ID,
    $defs: rewriteRefs(doc.components.schemas, "#/$defs/") as JsonObject,
  };
  const components = Object.entries(doc.components.schemas).map(([name, schema]) => ({
    name,
    description: typeof schema.description === "string" ? schema.description : "",
    exportName: `schema_${name}`,
    schema: { $ref: `${DEFS_ID}#/$defs/${name}` },
    key: `${DEFS_ID}#/$defs/${name}`,
  }));
  const operations = collectOperations(doc);
  const requests = operations.map((op) => ({
    operation: op,
    exportName: `request_${op.operationId}`,
    schema: requestSchema(op),
    key: `request_${op.operationId}`,
  }));
  const responses = operations.flatMap((op) =>
    op.responses.map((r) => {
      const exportName = `response_${op.operationId}_${r.status}`;
      const schema = r.schema ? (external(r.schema) as JsonObject) : {};
      const onlyRef = Object.keys(schema).length === 1 && typeof schema.$ref === "string";
      return {
        operationId: op.operationId,
        status: r.status,
        exportName,
        schema,
        key: onlyRef ? (schema.$ref as string) : exportName,
      };
    }),
  );
  return { defs, components, requests, responses };
}

function requestSchema(op: OperationInfo): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const where of ["path", "query", "header"] as const) {
    const params = op.parameters.filter((p) => p.in === where);
    if (params.length === 0) continue;
    properties[where] = locationSchema(params, where === "path");
    if (params.some((p) => p.required)) required.push(where);
  }
  if (op.requestBody) {
    properties.body = external(op.requestBody.schema);
    if (op.requestBody.required) required.push("body");
  }
  return { type: "object", properties, required, additionalProperties: false };
}

/** Unknown query parameters and headers are let through, as the API does; path has no extras. */
function locationSchema(params: ParameterInfo[], closed: boolean): JsonObject {
  const schema: JsonObject = {
    type: "object",
    properties: Object.fromEntries(params.map((p) => [p.name, external(p.schema)])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  if (closed) schema.additionalProperties = false;
  return schema;
}

function external(schema: JsonValue): JsonValue {
  return rewriteRefs(schema, `${DEFS_ID}#/$defs/`);
}

function rewriteRefs(value: JsonValue, prefix: string): JsonValue {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, prefix));
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "$ref" && typeof child === "string" && child.startsWith("#/components/schemas/")) {
      out[key] = prefix + child.slice("#/components/schemas/".length);
    } else {
      out[key] = rewriteRefs(child, prefix);
    }
  }
  return out;
}

/** The keys among `names` that appear anywhere in `value`, e.g. keywords a schema uses. */
export function keysIn(value: JsonValue, names: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (v: JsonValue): void => {
    if (Array.isArray(v)) for (const item of v) visit(item);
    else if (isJsonObject(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (names.includes(key)) found.add(key);
        visit(child);
      }
    }
  };
  visit(value);
  return [...found].sort();
}

/**
 * Whether validating against a schema can recurse without bound: it reaches, through `$ref`s, a
 * definition that refers back to itself (the advanced query). Only such validators can overflow
 * the stack on deeply nested input.
 */
export function isRecursive(schema: JsonValue, defs: { [name: string]: JsonObject }): boolean {
  const cyclic = new Map<string, boolean>();
  const refsOf = (value: JsonValue, out: Set<string>): Set<string> => {
    if (Array.isArray(value)) for (const v of value) refsOf(v, out);
    else if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === "$ref" && typeof child === "string") out.add(child.split("/").pop() ?? "");
        else refsOf(child, out);
      }
    }
    return out;
  };
  const reaches = (from: string, target: string, seen: Set<string>): boolean => {
    for (const next of refsOf(defs[from] ?? {}, new Set())) {
      if (next === target) return true;
      if (!seen.has(next)) {
        seen.add(next);
        if (reaches(next, target, seen)) return true;
      }
    }
    return false;
  };
  const inCycle = (name: string): boolean => {
    if (!cyclic.has(name)) cyclic.set(name, reaches(name, name, new Set()));
    return cyclic.get(name) === true;
  };
  const reachable = refsOf(schema, new Set());
  const queue = [...reachable];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (inCycle(name)) return true;
    for (const next of refsOf(defs[name] ?? {}, new Set())) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}
