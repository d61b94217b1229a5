import type { JsonObject, JsonValue } from "./openapi-document.js";

/** True when the value is an object that is neither `null` nor an array. */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject;
export function isJsonObject(value: unknown): value is { readonly [key: string]: unknown };
export function isJsonObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
