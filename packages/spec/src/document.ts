import json from "./generated/spec/experience-users.json" with { type: "json" };
import type { OpenApiDocument } from "./openapi-document.js";
import { firstServerUrl } from "./server-url.js";

/**
 * The Experience Users OpenAPI 3.1 document, YAML anchors resolved: the published
 * `@experience-users/spec/experience-users.json`, imported as a JSON module.
 */
// TypeScript types mixed JSON arrays with `?: undefined` members, which no JSON type admits.
export const document = json as unknown as OpenApiDocument;

/** The spec's server URL (`servers[0].url`, `https://api.losant.com`): where the real API lives. */
export const serverUrl: string = firstServerUrl(document);
