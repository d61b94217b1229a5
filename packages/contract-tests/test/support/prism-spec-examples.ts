import {
  document,
  type JsonObject,
  type JsonValue,
  type OperationId,
  type OperationRequest,
  operations,
  resolveRef,
} from "@experience-users/spec";

/** One named example of a documented response, as Prism's `Prefer: example=<name>` selects it. */
export interface ResponseExample {
  name: string;
  value: JsonValue;
}

const resolve = (value: JsonValue | undefined): JsonObject => resolveRef(document, value);

function operationObject(operationId: OperationId): JsonObject {
  const { path, method } = operations[operationId];
  return resolve(document.paths[path]?.[method]);
}

function jsonContent(holder: JsonObject): JsonObject {
  return resolve(resolve(holder.content)["application/json"]);
}

/** Every named example of one documented response, `$ref`s resolved, in the spec's order. */
export function responseExamples(operationId: OperationId, status: number): ResponseExample[] {
  const responses = resolve(operationObject(operationId).responses);
  const examples = resolve(jsonContent(resolve(responses[String(status)])).examples);
  return Object.entries(examples).map(([name, example]) => ({
    name,
    value: resolve(example).value ?? null,
  }));
}

/** The example of a parameter: its `example`, or its JSON content's `example` (the `query`). */
export function parameterExample(operationId: OperationId, name: string): JsonValue {
  const parameters = (operationObject(operationId).parameters ?? []) as JsonValue[];
  const parameter = parameters.map(resolve).find((p) => p.name === name);
  if (!parameter) throw new Error(`${operationId} has no parameter ${name}`);
  const example = parameter.example ?? (parameter.content && jsonContent(parameter).example);
  if (example === undefined) throw new Error(`${operationId}'s ${name} has no example`);
  return example;
}

/**
 * The request the spec's own examples make for an operation: every path parameter's example and
 * the request body's first example. The allowed-request tests prove the validators accept it.
 */
export function exampleRequest<Op extends OperationId>(operationId: Op): OperationRequest<Op> {
  const path = Object.fromEntries(
    operations[operationId].parameters
      .filter((p) => p.in === "path")
      .map((p) => [p.name, parameterExample(operationId, p.name)]),
  );
  const requestBody = operationObject(operationId).requestBody;
  const body = requestBody && Object.values(resolve(jsonContent(resolve(requestBody)).examples))[0];
  const request = body ? { path, body: resolve(body).value } : { path };
  return request as unknown as OperationRequest<Op>;
}
