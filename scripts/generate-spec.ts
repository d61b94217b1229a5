/**
/**
 * Writes the spec as data into the spec package: the document as JSON with its code samples (the
 * published `experience-users.json`, which the package's `document` export imports and its build
 * turns into `experience-users.yaml`) and the operations table (method, path, scopes, parameters,
 * statuses per operation).
 */
import { addCodeSamples } from "./lib/code-samples/index.ts";
import { banner, docComment, writeTarget } from "./lib/generated-files.ts";
import { collectOperations } from "./lib/operations.ts";
import { loadSpec, schemaRefName } from "./lib/spec.ts";

const doc = loadSpec();
const operations = collectOperations(doc);

const table = Object.fromEntries(
  operations.map((op) => [
    op.operationId,
    {
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      summary: op.summary,
      scopes: op.scopes,
      successStatus: op.successStatus,
      statuses: op.responses.map((r) => r.status),
      requestBody: op.requestBody
        ? {
            required: op.requestBody.required,
            schema: schemaRefName(op.requestBody.schema) ?? null,
          }
        : null,
      parameters: op.parameters.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required,
        encoding: p.encoding,
        ...(p.default === undefined ? {} : { default: p.default }),
      })),
    },
  ]),
);

const routes = Object.fromEntries(
  operations.map((op) => [op.operationId, { method: op.method, path: op.path }]),
);

writeTarget("spec", [
  // The published copies carry the code samples (x-codeSamples); the hand-written spec does not.
  { name: "experience-users.json", contents: JSON.stringify(addCodeSamples(doc), null, 2) },
  {
    name: "routes.gen.ts",
    contents: [
      banner("spec"),
      "",
      docComment(
        "Method and path of every operation: the slice of the operations table a client needs (small in a bundle).",
      ),
      `export const routes = ${JSON.stringify(routes, null, 2)} as const;`,
    ].join("\n"),
  },
  {
    name: "operations.gen.ts",
    contents: [
      banner("spec"),
      'import type { OperationDescriptor } from "../../operation-descriptor.js";',
      "",
      docComment(
        "Every operation of the spec by operationId: method, path, accepted scopes, parameters, statuses.",
      ),
      `export const operations = ${JSON.stringify(table, null, 2)} as const satisfies Record<string, OperationDescriptor>;`,
      "",
      "/** The operationIds of the spec. */",
      "export type OperationId = keyof typeof operations;",
      "",
      "/** The operationIds of the spec, in document order. */",
      `export const operationIds = ${JSON.stringify(Object.keys(table))} as const satisfies readonly OperationId[];`,
    ].join("\n"),
  },
]);
