import type { OperationDescriptor, ParameterEncoding } from "@experience-users/spec";
import type { ValidationIssue } from "../raw-validate-function.js";

/** A request's parts as they arrive: strings, and the parsed JSON body. */
export interface RawRequest {
  /** Path parameters, already percent-decoded by the router. */
  readonly path: Readonly<Record<string, string>>;
  readonly search: URLSearchParams;
  /** Header lookup by name, case-insensitive (a `Headers` object will do). */
  readonly headers: { get(name: string): string | null | undefined };
  /** The parsed JSON body; absent when the request had none. */
  readonly body?: unknown;
}

/** `{ path, query?, header?, body? }`: what the generated request validators check. */
export type DecodedRequest = Record<string, unknown>;

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

type Decoded = { readonly value: unknown } | { readonly problem: string };

function decodeValue(text: string, encoding: ParameterEncoding): Decoded {
  switch (encoding) {
    case "integer":
    case "number":
      return { value: NUMBER.test(text) ? Number(text) : text };
    case "boolean":
      return { value: text === "true" ? true : text === "false" ? false : text };
    case "json":
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { problem: "must be valid JSON" };
      }
    default:
      return { value: text };
  }
}

function issue(instancePath: string, keyword: string, message: string): ValidationIssue {
  return { instancePath, schemaPath: "#/decode", keyword, params: {}, message };
}

function rawValues(raw: RawRequest, where: "path" | "query" | "header", name: string): string[] {
  if (where === "query") return raw.search.getAll(name);
  const value = where === "path" ? raw.path[name] : raw.headers.get(name);
  return value === undefined || value === null ? [] : [value];
}

/**
 * Turns a request's strings into the typed values the validators expect, using each parameter's
 * encoding from the operations table: integers and numbers as numbers, booleans as booleans,
 * `json` parameters parsed. A value that does not decode is passed on as its string, so that the
 * validator names the type it should have; JSON that does not parse and repeated parameters are
 * issues of their own. Only the operation's declared parameters are read.
 */
export function decodeRequest(
  operation: OperationDescriptor,
  raw: RawRequest,
): { request: DecodedRequest; issues: ValidationIssue[] } {
  const request: DecodedRequest = {};
  const issues: ValidationIssue[] = [];
  for (const parameter of operation.parameters) {
    request[parameter.in] ??= {};
    const location = request[parameter.in] as Record<string, unknown>;
    const values = rawValues(raw, parameter.in, parameter.name);
    const pointer = `/${parameter.in}/${parameter.name}`;
    if (values.length > 1) {
      issues.push(issue(pointer, "repeated", "must be given once"));
      continue;
    }
    if (values[0] === undefined) continue;
    const decoded = decodeValue(values[0], parameter.encoding);
    if ("problem" in decoded) issues.push(issue(pointer, "decode", decoded.problem));
    else location[parameter.name] = decoded.value;
  }
  if (operation.requestBody !== null && raw.body !== undefined) request.body = raw.body;
  return { request, issues };
}
