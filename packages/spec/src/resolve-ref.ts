import { isJsonObject } from "./is-json-object.js";
import type { JsonObject, JsonValue } from "./openapi-document.js";

/**
 * The value under a path of keys (own properties only), e.g. `valueAt(doc, "components",
 * "parameters", "perPage")`; `undefined` when a step is missing or not an object.
 */
export function valueAt(value: unknown, ...keys: readonly string[]): JsonValue | undefined {
  let current = value;
  for (const key of keys) {
    if (!isJsonObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current as JsonValue | undefined;
}

/**
 * Follows local `$ref`s (`#/components/...`, a JSON Pointer into `document`) until an object that
 * is not a reference, and returns it; a value without `$ref` is returned as it is. Throws, naming
 * the reference, on a non-local, dangling or circular `$ref`, and when the result is no object.
 */
export function resolveRef(document: object, value: JsonValue | undefined): JsonObject {
  const seen = new Set<string>();
  let current = value;
  while (isJsonObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
    if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
    seen.add(ref);
    const keys = ref
      .slice(2)
      .split("/")
      .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"));
    current = valueAt(document, ...keys);
    if (current === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  if (!isJsonObject(current)) throw new Error(`expected an object, got ${JSON.stringify(current)}`);
  return current;
}
