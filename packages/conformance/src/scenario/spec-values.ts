import { document, type JsonValue, type OperationId, operations } from "@experience-users/spec";

// The spec package exports the document and the operations table but no $ref resolver; these
// lookups read the few values the scenario needs (examples, enums, write-only properties) from the
// document, following local `#/components/...` references.

type JsonObject = { readonly [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function dereference(value: JsonValue | undefined): JsonValue | undefined {
  const ref = child(value, "$ref");
  if (typeof ref !== "string") return value;
  const [hash, components, kind, name, ...rest] = ref.split("/");
  if (hash !== "#" || components !== "components" || !kind || !name || rest.length > 0) {
    throw new Error(`unsupported $ref ${ref}`);
  }
  return document.components[kind]?.[name];
}

/** One parameter of an operation as the document describes it, references followed. */
function specParameter(operationId: OperationId, name: string, location: string): JsonObject {
  const { path, method } = operations[operationId];
  const parameters = child(document.paths[path]?.[method], "parameters");
  const found = (Array.isArray(parameters) ? parameters : [])
    .map(dereference)
    .find((p) => child(p, "name") === name && child(p, "in") === location);
  if (!isObject(found)) throw new Error(`${operationId} has no ${location} parameter ${name}`);
  return found;
}

function enumValues(schema: JsonValue | undefined, depth = 0): JsonValue[] {
  const resolved = dereference(schema);
  if (!isObject(resolved) || depth > 8) return [];
  const own = child(resolved, "enum");
  const alternatives = ["oneOf", "anyOf", "allOf"].flatMap((key) => {
    const list = child(resolved, key);
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
    child(parameter, "example") ??
    child(child(child(parameter, "content"), "application/json"), "example");
  if (example === undefined) throw new Error(`${operationId} ${name} has no example`);
  return example;
}

/**
 * The values the scenario tries for one query parameter alone: its example, then every value of
 * its enum (through `$ref` and `oneOf`), each once.
 */
export function parameterValues(operationId: OperationId, name: string): JsonValue[] {
  const parameter = specParameter(operationId, name, "query");
  const values = [parameterExample(operationId, name), ...enumValues(child(parameter, "schema"))];
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
    const properties = child(schema ?? undefined, "properties");
    if (!isObject(properties)) continue;
    for (const [name, property] of Object.entries(properties)) {
      if (child(property, "writeOnly") === true) names.add(name);
    }
  }
  return [...names];
}

/** The spec's first server URL (`https://api.losant.com`). */
export function defaultServerUrl(): string {
  const servers = document.servers;
  const url = Array.isArray(servers) ? child(servers[0], "url") : undefined;
  if (typeof url !== "string") throw new Error("the spec lists no server");
  return url;
}

/** A JSON pointer into the spec for where an operation documents its responses. */
export function responsesPointer(operationId: OperationId): string {
  const { path, method } = operations[operationId];
  const escaped = path.replaceAll("~", "~0").replaceAll("/", "~1");
  return `#/paths/${escaped}/${method}/responses`;
}
