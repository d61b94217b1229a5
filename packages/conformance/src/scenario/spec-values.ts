import {
  document,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type OperationId,
  operations,
  resolveRef,
  valueAt,
} from "@experience-users/spec";
import { toPointer } from "../judge/json-pointer.js";

// The few values the scenario needs (examples, enums, write-only properties), read from the
// document with the spec package's own `$ref` resolver.

function dereference(value: JsonValue | undefined): JsonObject | undefined {
  return isJsonObject(value) ? resolveRef(document, value) : undefined;
}

/** One parameter of an operation as the document describes it, references followed. */
function specParameter(operationId: OperationId, name: string, location: string): JsonObject {
  const { path, method } = operations[operationId];
  const parameters = valueAt(document.paths[path]?.[method], "parameters");
  const found = (Array.isArray(parameters) ? parameters : [])
    .map(dereference)
    .find((p) => valueAt(p, "name") === name && valueAt(p, "in") === location);
  if (!isJsonObject(found)) throw new Error(`${operationId} has no ${location} parameter ${name}`);
  return found;
}

function enumValues(schema: JsonValue | undefined, depth = 0): JsonValue[] {
  const resolved = dereference(schema);
  if (!isJsonObject(resolved) || depth > 8) return [];
  const own = valueAt(resolved, "enum");
  const alternatives = ["oneOf", "anyOf", "allOf"].flatMap((key) => {
    const list = valueAt(resolved, key);
    return Array.isArray(list) ? list.flatMap((s) => enumValues(s, depth + 1)) : [];
  });
  return [...(Array.isArray(own) ? own : []), ...alternatives];
}

/** The documented example of a parameter: its `example`, or its JSON content's `example`. */
export function parameterExample(
  operationId: OperationId,
  name: string,
  location = "query",
): JsonValue {
  const parameter = specParameter(operationId, name, location);
  const example =
    valueAt(parameter, "example") ??
    valueAt(valueAt(valueAt(parameter, "content"), "application/json"), "example");
  if (example === undefined) throw new Error(`${operationId} ${name} has no example`);
  return example;
}

/**
 * The values the scenario tries for one query parameter alone: its example, then every value of
 * its enum (through `$ref` and `oneOf`), each once.
 */
export function parameterValues(operationId: OperationId, name: string): JsonValue[] {
  const parameter = specParameter(operationId, name, "query");
  const values = [parameterExample(operationId, name), ...enumValues(valueAt(parameter, "schema"))];
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The properties marked `writeOnly` in the request bodies of every operation (`password`). */
export function writeOnlyProperties(): string[] {
  const names = new Set<string>();
  for (const { requestBody } of Object.values(operations)) {
    const schema = requestBody?.schema ? document.components.schemas?.[requestBody.schema] : null;
    const properties = valueAt(schema ?? undefined, "properties");
    if (!isJsonObject(properties)) continue;
    for (const [name, property] of Object.entries(properties)) {
      if (valueAt(property, "writeOnly") === true) names.add(name);
    }
  }
  return [...names];
}

/** A JSON pointer into the spec for where an operation documents its responses. */
export function responsesPointer(operationId: OperationId): string {
  const { path, method } = operations[operationId];
  return `#${toPointer(["paths", path, method, "responses"])}`;
}
