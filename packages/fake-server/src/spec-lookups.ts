import {
  document,
  type ErrorBody,
  isJsonObject,
  type ListQuery,
  type OperationId,
  operationIds,
  operations,
  resolveRef,
  valueAt,
} from "@experience-users/spec";

/** The `example` of a component parameter, e.g. `applicationId` -> `575ec8687ae143cd83dc4a97`. */
export function parameterExample(name: string): string {
  const example = valueAt(document, "components", "parameters", name, "example");
  if (typeof example !== "string") throw new Error(`the spec has no string example for ${name}`);
  return example;
}

/**
 * The first example body of a component response, e.g. `Unauthorized` ->
 * `{ type: "Unauthorized", message: "Authorization failed" }`, so that the fake answers with the
 * spec's own words.
 */
export function errorExample(response: string): Required<ErrorBody> {
  const json = valueAt(
    document,
    "components",
    "responses",
    response,
    "content",
    "application/json",
  );
  const examples = valueAt(json, "examples");
  const first = isJsonObject(examples) ? Object.values(examples)[0] : undefined;
  const value = first === undefined ? undefined : valueAt(resolveRef(document, first), "value");
  const type = valueAt(value, "type");
  const message = valueAt(value, "message");
  if (typeof type !== "string" || typeof message !== "string") {
    throw new Error(`the spec's ${response} response has no Error example`);
  }
  return { type, message };
}

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
