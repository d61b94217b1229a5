import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { repoRoot, specFile } from "./paths.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  paths: { [path: string]: JsonObject };
  components: JsonObject & { schemas: { [name: string]: JsonObject } };
}

/** Reads the spec, resolves YAML anchors and checks the parts every generator relies on. */
export function loadSpec(): OpenApiDocument {
  const path = join(repoRoot, specFile);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${specFile}: ${(error as Error).message}`);
  }
  const doc = parse(text) as unknown;
  if (!isObject(doc)) throw new Error(`${specFile} is not a YAML mapping`);
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.1.")) {
    throw new Error(`${specFile} must be OpenAPI 3.1 (found openapi: ${String(doc.openapi)})`);
  }
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) {
    throw new Error(`${specFile} has no paths`);
  }
  if (!isObject(doc.components) || !isObject(doc.components.schemas)) {
    throw new Error(`${specFile} has no components.schemas`);
  }
  return doc as OpenApiDocument;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/...`) once; other values are returned as they are. */
export function deref(doc: OpenApiDocument, value: Json | undefined): JsonObject {
  if (!isObject(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  const ref = value.$ref;
  if (typeof ref !== "string") return value;
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
  let node: Json = doc;
  for (const part of ref.slice(2).split("/")) {
    if (!isObject(node) || !(part in node)) throw new Error(`unresolvable $ref ${ref}`);
    node = node[part] as Json;
  }
  return deref(doc, node);
}

/** The component name a `#/components/schemas/X` reference points at. */
export function schemaRefName(value: Json | undefined): string | undefined {
  if (!isObject(value) || typeof value.$ref !== "string") return undefined;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(value.$ref);
  return match?.[1];
}
