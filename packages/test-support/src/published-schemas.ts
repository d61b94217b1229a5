import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  document,
  type OperationId,
  operations,
  resolveRef,
  valueAt,
} from "@experience-users/spec";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/** Where Losant's official JavaScript client keeps the API's JSON schemas. */
const SCHEMAS = join(dirname(createRequire(import.meta.url).resolve("losant-rest")), "schemas");

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

/**
 * Losant's own JSON schema for one of the spec's components, as its official JavaScript client
 * publishes it (`losant-rest/lib/schemas`), compiled by ajv with ajv-formats: the outside
 * reference the spec, the mock and the fake are held to. Its file is named like the component
 * with a lower-case first letter (`ExperienceUser`: `experienceUser.json`). The files are
 * draft-04; the keywords they use mean the same in ajv's default draft.
 */
export function publishedSchema(component: string): ValidateFunction {
  const name = `${component.charAt(0).toLowerCase()}${component.slice(1)}`;
  let validate = compiled.get(name);
  if (!validate) {
    const { $schema: _draft, ...schema } = JSON.parse(
      readFileSync(join(SCHEMAS, `${name}.json`), "utf8"),
    ) as Record<string, unknown>;
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/** The component schema of an operation's answer with `status`, e.g. `ExperienceUser` or `Error`. */
function responseComponent(operationId: OperationId, status: number): string {
  const { method, path } = operations[operationId];
  const response = resolveRef(
    document,
    valueAt(document, "paths", path, method, "responses", String(status)),
  );
  const ref = valueAt(response, "content", "application/json", "schema", "$ref");
  if (typeof ref !== "string") throw new Error(`${operationId} ${status} has no schema $ref`);
  return ref.slice(ref.lastIndexOf("/") + 1);
}

/** What Losant's schema for an operation's answer with `status` finds wrong in `body` (ajv's errors). */
export function publishedIssues(
  operationId: OperationId,
  status: number,
  body: unknown,
): ErrorObject[] {
  const validate = publishedSchema(responseComponent(operationId, status));
  return validate(body) ? [] : [...(validate.errors ?? [])];
}
