import { createRequire } from "node:module";
import {
  document,
  HTTP_METHODS,
  type JsonValue,
  resolveRef,
  serverUrl,
} from "@experience-users/spec";

/**
 * The spec file the page is built from: the published copy in `@experience-users/spec`, which is
 * the hand-written spec plus the generated code samples (`x-codeSamples`), written from `document`.
 */
export const SPEC_FILE = createRequire(import.meta.url).resolve(
  "@experience-users/spec/experience-users.yaml",
);

/** One entry of an operation's `x-codeSamples`. */
export interface CodeSampleOutline {
  lang: string;
  label: string;
  source: string;
}

/** What the docs page must show of one operation. */
export interface OperationOutline {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  /** The tag the sidebar files the operation under. */
  tag: string;
  /** Every scope of every security requirement, in the spec's order. */
  scopes: string[];
  /** Every parameter name (path, query, header), `$ref`s resolved. */
  parameters: string[];
  /** The JSON body's component schema and first example, when the operation takes a body. */
  requestBody?: { schema: string; example: Json };
  /** The operation's code samples, in the spec's order. */
  codeSamples: CodeSampleOutline[];
  /** Each path parameter's example, by name. */
  pathExamples: Record<string, string>;
  /** The path with each path parameter replaced by its example, as the samples call it. */
  examplePath: string;
  /** The status of the operation's one success response. */
  successStatus: number;
}

/** A component schema, reduced to what the page must show of it. */
export interface SchemaOutline {
  title: string;
  description: string;
  /** Property schemas by name, in the spec's order. */
  properties: Record<string, Json>;
  maxItems?: number;
}

type Json = Record<string, unknown>;

const resolve = (value: unknown): Json => resolveRef(document, value as JsonValue);

function requestBody(operation: Json): OperationOutline["requestBody"] {
  const content = resolve(operation.requestBody ?? {}).content as Json | undefined;
  const json = content?.["application/json"] as Json | undefined;
  if (!json) return undefined;
  const [example] = Object.values(json.examples as Record<string, Json>).map(resolve);
  const schema = String((json.schema as Json).$ref).replace("#/components/schemas/", "");
  return { schema, example: example?.value as Json };
}

function pathExamples(path: string, operation: Json) {
  const examples = Object.fromEntries(
    ((operation.parameters ?? []) as Json[])
      .map(resolve)
      .filter((p) => p.in === "path")
      .map((p) => [String(p.name), String(p.example)]),
  );
  const examplePath = Object.entries(examples).reduce(
    (text, [name, example]) => text.replace(`{${name}}`, example),
    path,
  );
  return { pathExamples: examples, examplePath };
}

/**
 * Lists, per operation, what the docs page must render (summary, scopes, parameter names, the
 * request body's example, the code samples) and the tags and schemas, read from the spec
 * package's `document`: the published document the page is built from, not the page's embedded
 * copy.
 */
export function readSpecOutline() {
  const spec = document as unknown as {
    info: { title: string; version: string };
    tags: { name: string; description: string }[];
    paths: Record<string, Record<string, Json>>;
    components: Record<"schemas", Record<string, Json>>;
  };
  const operations: OperationOutline[] = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (HTTP_METHODS as readonly string[]).includes(method))
      .map(([method, operation]) => ({
        operationId: String(operation.operationId),
        method,
        path,
        summary: String(operation.summary),
        tag: String((operation.tags as string[])[0]),
        scopes: (operation.security as Record<string, string[]>[]).flatMap((requirement) =>
          Object.values(requirement).flat(),
        ),
        parameters: ((operation.parameters ?? []) as Json[]).map((p) => String(resolve(p).name)),
        requestBody: requestBody(operation),
        codeSamples: (operation["x-codeSamples"] ?? []) as CodeSampleOutline[],
        ...pathExamples(path, operation),
        successStatus: Number(
          Object.keys(operation.responses as Json).find((status) => status.startsWith("2")),
        ),
      })),
  );
  const schema = (name: string): SchemaOutline => {
    const found = spec.components.schemas[name];
    if (!found) throw new Error(`no schema ${name} in the spec`);
    return {
      title: String(found.title),
      description: String(found.description ?? ""),
      properties: (found.properties ?? {}) as Record<string, Json>,
      maxItems: found.maxItems as number | undefined,
    };
  };
  const tag = (name: string) => {
    const found = spec.tags.find((t) => t.name === name);
    if (!found) throw new Error(`no tag ${name} in the spec`);
    return found;
  };
  return {
    title: spec.info.title,
    version: spec.info.version,
    serverUrl,
    operations,
    schema,
    tag,
  };
}
