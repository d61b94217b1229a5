import { isJsonObject } from "../../../packages/spec/src/is-json-object.ts";
import type { JsonObject, JsonValue } from "../../../packages/spec/src/openapi-document.ts";
import { resolveRef } from "../../../packages/spec/src/resolve-ref.ts";
import { firstServerUrl } from "../../../packages/spec/src/server-url.ts";
import { collectOperations } from "../operations.ts";
import { type OpenApiDocument, schemaRefName } from "../spec.ts";
import { type SampleRow, sampleTable } from "./sample-table.ts";

/** One operation's call as every sample makes it, its values taken from the spec's examples. */
export interface SampleCall {
  readonly operationId: string;
  /** Upper case, as curl's `-X` takes it. */
  readonly method: string;
  /** The first server's URL, e.g. `https://api.losant.com`. */
  readonly baseUrl: string;
  /** The spec's path template, e.g. `/applications/{applicationId}/experience/users`. */
  readonly pathTemplate: string;
  /** The path with every path parameter replaced by its example. */
  readonly path: string;
  /** Path parameters in the path's order, each with its example. */
  readonly pathParameters: readonly { name: string; example: string }[];
  /** The request body's first example, and the name of its component schema. */
  readonly body?: { example: JsonValue; schema: string };
  readonly row: SampleRow;
}

/** The sample call of every operation, in document order; each needs a row in the table. */
export function sampleCalls(doc: OpenApiDocument): SampleCall[] {
  const baseUrl = firstServerUrl(doc);
  return collectOperations(doc).map((op) => {
    const row = sampleTable[op.operationId];
    if (!row)
      throw new Error(`scripts/lib/code-samples/sample-table.ts has no row for ${op.operationId}`);
    const item = doc.paths[op.path] ?? {};
    const operation = item[op.method];
    const declared = [item.parameters, isJsonObject(operation) ? operation.parameters : undefined]
      .flatMap((list) => (Array.isArray(list) ? list : []))
      .map((value) => resolveRef(doc, value));
    const pathParameters = op.parameters
      .filter((p) => p.in === "path")
      .map((p) => ({ name: p.name, example: pathExample(declared, p.name) }));
    let path = op.path;
    for (const p of pathParameters)
      path = path.replace(`{${p.name}}`, encodeURIComponent(p.example));
    return {
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      baseUrl,
      pathTemplate: op.path,
      path,
      pathParameters,
      ...(op.requestBody ? { body: bodyExample(doc, operation, op.requestBody.schema) } : {}),
      row,
    };
  });
}

function pathExample(declared: readonly JsonObject[], name: string): string {
  const example = declared.find((p) => p.name === name && p.in === "path")?.example;
  if (typeof example !== "string") throw new Error(`path parameter ${name} needs a string example`);
  return example;
}

function bodyExample(
  doc: OpenApiDocument,
  operation: JsonValue | undefined,
  schema: JsonValue,
): { example: JsonValue; schema: string } {
  const requestBody = isJsonObject(operation) ? resolveRef(doc, operation.requestBody) : {};
  const content = isJsonObject(requestBody.content)
    ? requestBody.content["application/json"]
    : undefined;
  const name = schemaRefName(schema);
  if (!isJsonObject(content) || !name)
    throw new Error("request bodies need a JSON component schema");
  const [first] = isJsonObject(content.examples) ? Object.values(content.examples) : [];
  const example = first === undefined ? content.example : resolveRef(doc, first).value;
  if (example === undefined) throw new Error(`the ${name} request body has no example`);
  return { example, schema: name };
}
