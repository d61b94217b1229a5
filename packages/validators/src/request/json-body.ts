import { type RequestProblem, requestProblems } from "./request-problem.js";

function mediaType(header: string | null | undefined): string | undefined {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type === "" ? undefined : type;
}

function isJson(type: string): boolean {
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/**
 * Checks a body's `Content-Type` before the body is read: a 415 problem when it names a media
 * type that is not JSON (`application/json` or `application/*+json`); undefined when it is JSON
 * or absent.
 */
export function bodyMediaTypeProblem(
  contentType: string | null | undefined,
): RequestProblem | undefined {
  const type = mediaType(contentType);
  return type !== undefined && !isJson(type) ? requestProblems.unsupportedMediaType() : undefined;
}

/**
 * Decodes a JSON body's bytes. No bytes: `value` undefined (the request validator reports a
 * missing required body). Bytes without a `Content-Type`: 415. Bytes that are not UTF-8 JSON: 400.
 */
export function parseJsonBody(
  contentType: string | null | undefined,
  bytes: Uint8Array,
): { readonly value: unknown } | { readonly problem: RequestProblem } {
  const mediaTypeProblem = bodyMediaTypeProblem(contentType);
  if (mediaTypeProblem) return { problem: mediaTypeProblem };
  if (bytes.byteLength === 0) return { value: undefined };
  if (mediaType(contentType) === undefined) {
    return { problem: requestProblems.unsupportedMediaType() };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: requestProblems.notUtf8() };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { problem: requestProblems.notJson() };
  }
}
