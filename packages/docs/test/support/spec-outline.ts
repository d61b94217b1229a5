import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The spec the page is built from. */
export const SPEC_FILE = fileURLToPath(
  new URL("../../../../spec/experience-users.yaml", import.meta.url),
);

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
}

/** A component schema, reduced to what the page must show of it. */
export interface SchemaOutline {
  title: string;
  /** Property schemas by name, in the spec's order. */
  properties: Record<string, Json>;
  maxItems?: number;
}

type Json = Record<string, unknown>;

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "options", "head", "trace"]);

/**
 * Reads the spec YAML itself (not the page's embedded copy) and lists, per operation, what the
 * docs page must render: summary, scopes, parameter names and the request body's example.
 */
export function readSpecOutline(file: string = SPEC_FILE) {
  const spec = parse(readFileSync(file, "utf8")) as {
    info: { title: string; version: string };
    paths: Record<string, Record<string, Json>>;
    components: Record<"parameters" | "schemas" | "examples", Record<string, Json>>;
  };
  const resolve = (value: Json): Json => {
    const ref = value.$ref;
    if (typeof ref !== "string") return value;
    const [section, name] = ref.replace("#/components/", "").split("/") as [string, string];
    const target = spec.components[section as "parameters"]?.[name];
    if (!target) throw new Error(`unresolved ${ref}`);
    return target;
  };
  const requestBody = (operation: Json): OperationOutline["requestBody"] => {
    const content = (operation.requestBody as Json | undefined)?.content as Json | undefined;
    const json = content?.["application/json"] as Json | undefined;
    if (!json) return undefined;
    const [example] = Object.values(json.examples as Record<string, Json>).map(resolve);
    const schema = String((json.schema as Json).$ref).replace("#/components/schemas/", "");
    return { schema, example: example?.value as Json };
  };
  const operations: OperationOutline[] = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
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
      })),
  );
  const schema = (name: string): SchemaOutline => {
    const found = spec.components.schemas[name];
    if (!found) throw new Error(`no schema ${name} in the spec`);
    return {
      title: String(found.title),
      properties: (found.properties ?? {}) as Record<string, Json>,
      maxItems: found.maxItems as number | undefined,
    };
  };
  return { title: spec.info.title, version: spec.info.version, operations, schema };
}
