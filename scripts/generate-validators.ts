/**
 * Writes the validators package's generated code: ajv standalone validators for every component
 * schema, every operation's request and every documented response, compiled here once so that
 * importing the package compiles nothing, and bundled into one pure-ESM module.
 */
import { _, Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";
import { build } from "esbuild";
import type { JsonObject, JsonValue } from "../packages/spec/src/openapi-document.ts";
import { banner, docComment, writeTarget } from "./lib/generated-files.ts";
import { isRecursive, jsonSchemasOf, keysIn } from "./lib/json-schemas.ts";
import { shortcutLengthChecks } from "./lib/length-shortcuts.ts";
import { mergeDuplicateFunctions } from "./lib/merge-duplicate-functions.ts";
import { repoRoot } from "./lib/paths.ts";
import { shareIssueBuilder, VERDICT } from "./lib/shared-issue-builder.ts";
import { loadSpec } from "./lib/spec.ts";
import { formats } from "./lib/validator-formats.ts";
import { withoutParentData } from "./lib/without-parent-data.ts";

const set = jsonSchemasOf(loadSpec());

/**
 * Keywords of the spec that only other tools read: Prism's dynamic mode fills `avatarUrl` from
 * faker's `image.avatar` (`x-faker`). ajv keeps them as annotations.
 */
const annotations: string[] = ["x-faker"];

/** How the validators are compiled; json-schemas.json carries them for whoever compiles its schemas. */
const ajvOptions = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  ownProperties: true,
  inlineRefs: false,
  keywords: annotations,
  code: { source: true, esm: true, lines: true },
} as const;

const ajv = new Ajv2020(ajvOptions);
addFormats.default(ajv);
// The function formats the validators call at run time (scripts/lib/validator-formats.ts: the same
// verdicts as ajv-formats) stand in for ajv-formats' own, so the compile uses what the code will
// call. The generated code reads them from `code.formats`, as ajv-formats points it at its own:
// here an import the source below starts with.
for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
ajv.opts.code.formats = _`validatorFormats`;
ajv.addSchema(set.defs);
const entries = [...set.components, ...set.requests, ...set.responses];
withoutUnusedBookkeeping([set.defs, ...entries.map((e) => e.schema)]);
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
  'import { formats as validatorFormats } from "./scripts/lib/validator-formats.ts";',
  standaloneCode.default(
    ajv,
    Object.fromEntries([...firstByKey].map(([key, name]) => [name, key])),
  ),
  ...aliases,
].join("\n");

// A function format the code reads but the run-time table lacks would only fail when a value is
// checked; refuse to generate instead.
const formatsRead = [...source.matchAll(/validatorFormats(?:\.([\w$]+)|\["([^"]+)"\])/g)].map(
  (m) => m[1] ?? m[2] ?? "",
);
const missingFormats = formatsRead.filter((name) => !Object.hasOwn(formats, name));
if (formatsRead.length === 0 || missingFormats.length > 0) {
  throw new Error(
    `scripts/lib/validator-formats.ts must hold every function format the validators call; missing: ${JSON.stringify(missingFormats)}`,
  );
}
console.log(`function formats read at run time: ${[...new Set(formatsRead)].join(", ")}`);

// ajv's standalone output still require()s its runtime helpers (ucs2length) even with
// `esm: true`; bundling inlines them and the formats above, so the module is pure ESM with no
// dependencies.
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
const externals = Object.values(bundled.metafile.outputs).flatMap((o) => o.imports);
if (externals.length > 0) {
  throw new Error(`validators must be self-contained, found imports: ${JSON.stringify(externals)}`);
}
const { code: lean, rewritten: contexts } = withoutParentData(bundled.outputFiles[0]?.text ?? "");
console.log(`left parentData out of ${contexts} calls and parameter lists`);
// ajv repeats the functions of schemas it reaches more than once, each copy with its own type
// feedback: merging them took the bundle from 236 kB to 183 kB (the minified package from 132 kB
// to 106 kB) and import plus a first validation with each validator from 11.0 to 9.8 ms of CPU
// (median of 12 fresh processes). With the function scope below, `npm run bench -- validators`
// went from 0.97x/0.94x/0.92x of ajv at run time to 1.01x/1.02x/1.05x (User, Post, Query).
// test/validators-equivalence.test.ts in the hardening package checks that the merged validators,
// with their length shortcuts, still give ajv's run-time verdicts and issues.
const { code: merged, merged: mergedNames } = mergeDuplicateFunctions(lean);
console.log(`merged ${mergedNames.length} repeated functions: ${mergedNames.join(", ")}`);
const { code: shortcut, rewritten } = shortcutLengthChecks(merged);
console.log(`put a length test in front of ${rewritten} code-point counts`);
const { code: compact, rewritten: issues } = shareIssueBuilder(shortcut);
console.log(`built ${issues} issues through one shared function`);

const exportNames = entries.map((e) => e.exportName);

const code = inOneFunctionScope(compact, exportNames, [VERDICT]);

writeTarget("validators", [
  { name: "standalone.gen.js", contents: `${banner("validators")}\n${code}` },
  {
    name: "standalone.gen.d.ts",
    contents: [
      banner("validators"),
      'import type { RawValidateFunction, Verdict } from "../raw-validate-function.js";',
      ...exportNames.map((n) => `export declare const ${n}: RawValidateFunction;`),
      `export declare const ${VERDICT}: Verdict;`,
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

/**
 * Ajv2020 always compiles what `unevaluatedProperties`, `unevaluatedItems` and `$dynamicRef` need:
 * every function records which properties and items it evaluated, and threads a `dynamicAnchors`
 * object through every call. The spec uses none of these keywords, so the validators are compiled
 * without it (the options Ajv2020 sets in its constructor, turned off after it), the verdicts and
 * issues unchanged; should the spec start using one, the generator refuses. Measured side by side
 * (fresh processes, the bench's samples, median of 6 pairs): steady state 1.10x (nested query),
 * 1.16x (Experience User), 1.01x (Post); import plus a first validation with each validator 7.55
 * against 7.05 ms (median of 40 pairs); the minified package 105,075 against 97,917 bytes.
 */
function withoutUnusedBookkeeping(schemas: JsonValue[]): void {
  const keywords = [
    "unevaluatedProperties",
    "unevaluatedItems",
    "$dynamicRef",
    "$dynamicAnchor",
    "$recursiveRef",
    "$recursiveAnchor",
  ];
  const used = keysIn(schemas, keywords);
  if (used.length > 0) {
    throw new Error(
      `the spec uses ${used.join(", ")}: scripts/generate-validators.ts compiles without ajv's support for ${keywords.join(", ")} (withoutUnusedBookkeeping), which must then go`,
    );
  }
  ajv.opts.unevaluated = false;
  ajv.opts.dynamicRef = false;
}

/**
 * The bundle with every binding in one function scope, its exports returned from it, as in ajv's
 * own run-time compile, where each validator's references are closure variables, instead of module
 * variables. Measured with callgrind, one valid Experience User, a 16 MB young generation: 40,616
 * instructions per validation at module scope, 39,402 in one function scope. `added` are bindings
 * put into the code after bundling, exported as well.
 */
function inOneFunctionScope(
  bundle: string,
  names: readonly string[],
  added: readonly string[],
): string {
  const at = bundle.lastIndexOf("\nexport {");
  const listed = bundle
    .slice(at)
    .replace(/^\s*export \{|\};\s*$/g, "")
    .split(",")
    .map((name) => name.trim());
  if (at < 0 || listed.join() !== [...names].sort().join()) {
    throw new Error(`the bundle does not end with an export of ${names.join(", ")}`);
  }
  const list = [...names, ...added].join(", ");
  return `export const { ${list} } = (() => {\n${bundle.slice(0, at)}\nreturn { ${list} };\n})();\n`;
}

/**
 * createValidator's arguments after the raw function, for validators that can recurse without
 * bound (the advanced query's): `true`, and the module's function that runs one for its verdict
 * alone. Their `is` wraps the raw function anyway (the stack guard), and a valid nested query
 * builds 26 issues it throws away (its `oneOf`s' failed branches): skipping them made its `is`
 * 1.05x to 1.07x faster (40 interleaved rounds in one process, both orders). Given to every
 * validator, the extra call made an Experience User's `is` 0.96x to 0.98x and a Post's 0.98x.
 */
function moreArguments(schema: JsonObject): string {
  const defs = (set.defs.$defs ?? {}) as { [name: string]: JsonObject };
  return isRecursive(schema, defs) ? `, true, raw.${VERDICT}` : "";
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
      `export const ${v} = createValidator<Spec.${c.name}>("${c.name}", raw.${c.exportName}${moreArguments(c.schema)});`,
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
      `export const ${v} = createValidator<Spec.OperationRequest<"${id}">>("${id} request", raw.${r.exportName}${moreArguments(r.schema)});`,
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
      `export const ${v} = createValidator<Spec.OperationResponse<"${r.operationId}", ${r.status}>>("${r.operationId} ${r.status} response", raw.${r.exportName}${moreArguments(r.schema)});`,
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
