import json from "./generated/spec/experience-users.json" with { type: "json" };
import type { OpenApiDocument } from "./openapi-document.js";

/**
 * The Experience Users OpenAPI 3.1 document, YAML anchors resolved: the published
 * `@experience-users/spec/experience-users.json`, imported as a JSON module.
 */
// TypeScript types mixed JSON arrays with `?: undefined` members, which no JSON type admits.
export const document = json as unknown as OpenApiDocument;
