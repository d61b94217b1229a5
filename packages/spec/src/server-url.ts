import { valueAt } from "./resolve-ref.js";

/**
 * The URL of a document's first server (`servers[0].url`), where the API it describes lives;
 * throws when the document names none.
 */
export function firstServerUrl(document: object): string {
  const url = valueAt(document, "servers", "0", "url");
  if (typeof url !== "string") throw new Error("the spec names no server URL (servers[0].url)");
  return url;
}
