/**
 * Writes the validators package's generated code: ajv standalone validators for every component
 * schema, every operation's request and every documented response, compiled here once so that
 * importing the package compiles nothing, and bundled into one pure-ESM module.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";
import { build } from "esbuild";
import type { JsonObject } from "../packages/spec/src/openapi-document.ts";
import { banner, docComment, writeTarget } from "./lib/generated-files.ts";
import { isRecursive, jsonSchemasOf } from "./lib/json-schemas.ts";
import { repoRoot } from "./lib/paths.ts";
import { loadSpec } from "./lib/spec.ts";

const set = jsonSchemasOf(loadSpec());

/** How the validators are compiled; json-schemas.json carries them for whoever compiles its schemas. */
const ajvOptions = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  ownProperties: true,
  inlineRefs: false,
  code: { source: true, esm: true, lines: true },
} as const;

const ajv = new Ajv2020(ajvOptions);
addFormats.default(ajv);
ajv.addSchema(set.defs);
const entries = [...set.components, ...set.requests, ...set.responses];
// Entries that are only a `$ref` export the referenced definition's function itself (no wrapper).
for (const entry of entries) {
  if (entry.key === entry.exportName) ajv.addSchema({ $id: entry.exportName, ...entry.schema });
}
const firstByKey = new Map<string, string>();
for (const e of entries) if (!firstByKey.has(e.key)) firstByKey.set(e.key, e.exportName);
const aliases = entries
  .filter((e) => firstByKey.get(e.key) !== e.exportName)
  .map((e) => `export const ${e.exportName} = ${firstByKey.get(e.key)};`);
const source = [
  standaloneCode.default(
    ajv,
    Object.fromEntries([...firstByKey].map(([key, name]) => [name, key])),
  ),
  ...aliases,
].join("\n");

// ajv's standalone output still require()s its runtime helpers (ucs2length) and ajv-formats even
// with `esm: true`; bundling inlines them, so the module is pure ESM with no dependencies.
const bundled = await build({
  stdin: { contents: source, resolveDir: repoRoot, sourcefile: "standalone.js", loader: "js" },
  absWorkingDir: repoRoot,
  bundle: true,
  format: "esm",
  platform: "neutral",
  write: false,
  metafile: true,
  legalComments: "none",
  logLevel: "silent",
});
const code = bundled.outputFiles[0]?.text ?? "";
const externals = Object.values(bundled.metafile.outputs).flatMap((o) => o.imports);
if (externals.length > 0) {
  throw new Error(`validators must be self-contained, found imports: ${JSON.stringify(externals)}`);
}

const exportNames = entries.map((e) => e.exportName);

writeTarget("validators", [
  { name: "standalone.gen.js", contents: `${banner("validators")}\n${code}` },
  {
    name: "standalone.gen.d.ts",
    contents: [
      banner("validators"),
      'import type { RawValidateFunction } from "../raw-validate-function.js";',
      ...exportNames.map((n) => `export declare const ${n}: RawValidateFunction;`),
    ].join("\n"),
  },
  { name: "validators.gen.ts", contents: typedModule() },
  {
    name: "json-schemas.json",
    contents: JSON.stringify(
      {
        $comment: banner("validators", "").trim(),
        defs: set.defs,
        ajvOptions,
        schemas: Object.fromEntries(entries.map((e) => [e.exportName, e.schema])),
      },
      null,
      2,
    ),
  },
]);

/** `, true` for validators that can recurse without bound (see createValidator). */
function recursion(schema: JsonObject): string {
  const defs = (set.defs.$defs ?? {}) as { [name: string]: JsonObject };
  return isRecursive(schema, defs) ? ", true" : "";
}

function typedModule(): string {
  const lines = [
    banner("validators"),
    'import type * as Spec from "@experience-users/spec";',
    'import { createValidator } from "../create-validator.js";',
    'import * as raw from "./standalone.gen.js";',
    "",
  ];
  for (const c of set.components) {
    const v = `${lower(c.name)}Validator`;
    lines.push(
      docComment(`Validator for ${c.name}${c.description ? `: ${c.description}` : ""}`),
      `export const ${v} = createValidator<Spec.${c.name}>("${c.name}", raw.${c.exportName}${recursion(c.schema)});`,
      docComment(`True when the value is a valid ${c.name}.`),
      `export const is${c.name}: (value: unknown) => value is Spec.${c.name} = ${v}.is;`,
      docComment(
        `Throws a ValidationError listing every violation unless the value is a valid ${c.name}.`,
      ),
      `export const assert${c.name}: (value: unknown) => asserts value is Spec.${c.name} = ${v}.assert;`,
      docComment(`Every violation of ${c.name} in the value (empty when valid).`),
      `export const validate${c.name} = ${v}.validate;`,
      "",
    );
  }
  for (const r of set.requests) {
    const id = r.operation.operationId;
    const name = `${upper(id)}Request`;
    const v = `${id}RequestValidator`;
    lines.push(
      docComment(
        `Validator for a ${id} request (${r.operation.method.toUpperCase()} ${r.operation.path}): path, query, header${r.operation.requestBody ? " and body" : ""}.`,
      ),
      `export const ${v} = createValidator<Spec.OperationRequest<"${id}">>("${id} request", raw.${r.exportName}${recursion(r.schema)});`,
      `export const is${name}: (value: unknown) => value is Spec.OperationRequest<"${id}"> = ${v}.is;`,
      `export const assert${name}: (value: unknown) => asserts value is Spec.OperationRequest<"${id}"> = ${v}.assert;`,
      `export const validate${name} = ${v}.validate;`,
      "",
    );
  }
  for (const r of set.responses) {
    const name = `${upper(r.operationId)}Response${r.status}`;
    const v = `${r.operationId}Response${r.status}Validator`;
    lines.push(
      docComment(`Validator for the body of a ${r.status} answer to ${r.operationId}.`),
      `export const ${v} = createValidator<Spec.OperationResponse<"${r.operationId}", ${r.status}>>("${r.operationId} ${r.status} response", raw.${r.exportName}${recursion(r.schema)});`,
      `export const is${name}: (value: unknown) => value is Spec.OperationResponse<"${r.operationId}", ${r.status}> = ${v}.is;`,
      `export const assert${name}: (value: unknown) => asserts value is Spec.OperationResponse<"${r.operationId}", ${r.status}> = ${v}.assert;`,
      `export const validate${name} = ${v}.validate;`,
      "",
    );
  }
  lines.push(
    "/** Validators of every component schema, by schema name. */",
    "export const schemaValidators = {",
    ...set.components.map((c) => `  ${c.name}: ${lower(c.name)}Validator,`),
    "} as const;",
    "",
    "/** Validators of every operation's request, by operationId. */",
    "export const requestValidators = {",
    ...set.requests.map(
      (r) => `  ${r.operation.operationId}: ${r.operation.operationId}RequestValidator,`,
    ),
    "} as const;",
    "",
    "/** Validators of every documented response body, by operationId and status. */",
    "export const responseValidators = {",
    ...set.requests.map((r) => {
      const id = r.operation.operationId;
      const statuses = set.responses.filter((x) => x.operationId === id);
      return `  ${id}: { ${statuses.map((s) => `${s.status}: ${id}Response${s.status}Validator`).join(", ")} },`;
    }),
    "} as const;",
  );
  return lines.join("\n");
}

function lower(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function upper(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
