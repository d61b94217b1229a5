/**
 * Serializes query parameters the way the Experience Users API reads them: numbers and booleans
 * as their literal text, objects (the advanced `query`) as one JSON string. openapi-fetch's
 * default would send objects as `deepObject` (`query[firstName]=Bob`), which the API rejects.
 * Spaces are sent as `%20`, never `+`.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === "object" ? JSON.stringify(value) : String(value);
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.join("&");
}
