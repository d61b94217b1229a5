/**
 * Writes the TypeScript types of the spec (openapi-typescript) into the spec package.
 */
import openapiTS, { astToString } from "openapi-typescript";
import { isJsonObject } from "../packages/spec/src/is-json-object.ts";
import type { JsonObject } from "../packages/spec/src/openapi-document.ts";
import { banner, writeTarget } from "./lib/generated-files.ts";
import { loadSpec, type OpenApiDocument } from "./lib/spec.ts";

const doc = loadSpec();

const ast = await openapiTS(withJsonParametersAsSchemas(doc) as never, {
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  alphabetize: false,
});

writeTarget("types", [
  {
    name: "openapi.gen.ts",
    contents: `${banner("types")}\n${astToString(ast)}`,
  },
]);

/**
 * Override: openapi-typescript types a parameter described by `content: application/json` as a
 * plain string. The client sends such a parameter (`query`) as one JSON string but callers pass
 * the object, so the types use the parameter's JSON schema instead.
 */
function withJsonParametersAsSchemas(spec: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(spec);
  const params = copy.components.parameters;
  if (!isJsonObject(params)) return copy;
  for (const param of Object.values(params)) {
    if (!isJsonObject(param) || !isJsonObject(param.content)) continue;
    const json = param.content["application/json"];
    if (!isJsonObject(json) || !isJsonObject(json.schema)) continue;
    const { content: _content, ...rest } = param;
    for (const key of Object.keys(param)) delete (param as JsonObject)[key];
    Object.assign(param, rest, { schema: json.schema });
  }
  return copy;
}
