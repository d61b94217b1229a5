import {
  document,
  type ErrorBody,
  type JsonValue,
  type OperationId,
  type OperationRequest,
  operationIds,
  operations,
} from "@experience-users/spec";

type JsonObject = { readonly [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(value: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let current = value;
  for (const key of keys) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function resolve(value: JsonValue | undefined): JsonValue | undefined {
  const ref = at(value, "$ref");
  if (typeof ref !== "string" || !ref.startsWith("#/")) return value;
  const [, section, kind, name] = ref.split("/");
  if (section !== "components" || kind === undefined || name === undefined) return undefined;
  return document.components[kind]?.[name];
}

/** The spec's first server URL: where the real API lives (`https://api.losant.com`). */
export function serverUrl(): string {
  const servers = document.servers as JsonValue | undefined;
  const url = at(Array.isArray(servers) ? servers[0] : undefined, "url");
  if (typeof url !== "string") throw new Error("the spec names no server URL");
  return url;
}

/** The `example` of a component parameter, e.g. `applicationId` -> `575ec8687ae143cd83dc4a97`. */
export function parameterExample(name: string): string {
  const example = at(document.components.parameters?.[name], "example");
  if (typeof example !== "string") throw new Error(`the spec has no string example for ${name}`);
  return example;
}

/**
 * The first example body of a component response, e.g. `Unauthorized` ->
 * `{ type: "Unauthorized", message: "Authorization failed" }`, so that the fake answers with the
 * spec's own words.
 */
export function errorExample(response: string): Required<ErrorBody> {
  const examples = at(document.components.responses?.[response], "content", "application/json");
  const first = Object.values(at(examples, "examples") ?? {})[0];
  const value = at(resolve(first), "value");
  const type = at(value, "type");
  const message = at(value, "message");
  if (typeof type !== "string" || typeof message !== "string") {
    throw new Error(`the spec's ${response} response has no Error example`);
  }
  return { type, message };
}

type ListQuery = NonNullable<OperationRequest<"listExperienceUsers">["query"]>;

/** The spec's default of a list parameter (`sortField`, `perPage`, ...). */
export function listDefault<K extends keyof ListQuery>(name: K): NonNullable<ListQuery[K]> {
  const parameter = operations.listExperienceUsers.parameters.find((p) => p.name === name);
  if (parameter === undefined || !("default" in parameter)) {
    throw new Error(`the spec gives ${String(name)} no default`);
  }
  return parameter.default as NonNullable<ListQuery[K]>;
}

/** Every scope some operation accepts, in the spec's order. */
export function allScopes(): string[] {
  return [...new Set(operationIds.flatMap((id: OperationId) => operations[id].scopes))];
}
