import { isJsonObject } from "./is-json-object.js";
import type { JsonObject, JsonValue } from "./openapi-document.js";

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * The value under a path of keys, e.g. `valueAt(doc, "components", "parameters", "perPage")` or
 * `valueAt(doc, "servers", "0", "url")`: own properties of objects, indices (`"0"`, `"1"`, ...) of
 * arrays; `undefined` when a step is missing or lands on anything else.
 */
export function valueAt(value: unknown, ...keys: readonly string[]): JsonValue | undefined {
  let current = value;
  for (const key of keys) {
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(key)) return undefined;
      current = current[Number(key)];
    } else if (isJsonObject(current) && Object.hasOwn(current, key)) {
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current as JsonValue | undefined;
}

/**
 * The value a JSON Pointer (RFC 6901) names, e.g. `valueAtPointer(doc, "/servers/0/url")`; `""`
 * names the root; `~1` and `~0` stand for `/` and `~`. `undefined` as for {@link valueAt}, and for
 * a pointer that does not start with `/`.
 */
export function valueAtPointer(value: unknown, pointer: string): JsonValue | undefined {
  if (pointer === "") return value as JsonValue | undefined;
  if (!pointer.startsWith("/")) return undefined;
  const keys = pointer
    .slice(1)
    .split("/")
    .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"));
  return valueAt(value, ...keys);
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
    current = valueAtPointer(document, ref.slice(1));
    if (current === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  if (!isJsonObject(current)) throw new Error(`expected an object, got ${JSON.stringify(current)}`);
  return current;
}
