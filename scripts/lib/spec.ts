import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { isJsonObject } from "../../packages/spec/src/is-json-object.ts";
import type { JsonObject, JsonValue } from "../../packages/spec/src/openapi-document.ts";
import { repoRoot, specFile } from "./paths.ts";

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
  if (!isJsonObject(doc)) throw new Error(`${specFile} is not a YAML mapping`);
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.1.")) {
    throw new Error(`${specFile} must be OpenAPI 3.1 (found openapi: ${String(doc.openapi)})`);
  }
  if (!isJsonObject(doc.paths) || Object.keys(doc.paths).length === 0) {
    throw new Error(`${specFile} has no paths`);
  }
  if (!isJsonObject(doc.components) || !isJsonObject(doc.components.schemas)) {
    throw new Error(`${specFile} has no components.schemas`);
  }
  return doc as OpenApiDocument;
}

/** The component name a `#/components/schemas/X` reference points at. */
export function schemaRefName(value: JsonValue | undefined): string | undefined {
  if (!isJsonObject(value) || typeof value.$ref !== "string") return undefined;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(value.$ref);
  return match?.[1];
}
