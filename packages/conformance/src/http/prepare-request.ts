import { type JsonValue, type OperationId, operations } from "@experience-users/spec";
import { parameterExample } from "../scenario/spec-values.js";

/** A request ready to send, and how to show it (no host, no token). */
export interface PreparedRequest {
  readonly operationId: OperationId;
  readonly method: string;
  readonly url: string;
  /** `GET /applications/…/experience/users?perPage=10` */
  readonly display: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What goes into a request besides the operation. */
export interface RequestParts {
  readonly path: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, JsonValue>>;
  readonly body?: JsonValue;
  /** Sent as `Authorization: Bearer <token>` unless undefined. */
  readonly token?: string;
}

const ACCEPT_VERSION = parameterExample("listExperienceUsers", "Accept-Version", "header");

function encodeQuery(operationId: OperationId, query: Readonly<Record<string, JsonValue>>): string {
  const parameters = operations[operationId].parameters;
  const parts = Object.entries(query).map(([name, value]) => {
    const parameter = parameters.find((p) => p.in === "query" && p.name === name);
    if (parameter === undefined) throw new Error(`${operationId} has no query parameter ${name}`);
    const text =
      parameter.encoding === "json" || typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
    return `${encodeURIComponent(name)}=${encodeURIComponent(text)}`;
  });
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

/**
 * Builds the request of an operation from the operations table: its method, its path with the
 * path parameters filled in, its query encoded as the table says (JSON parameters as one JSON
 * string), JSON headers, the token, and the `Accept-Version` the spec gives as its example.
 */
export function prepareRequest(
  baseUrl: string,
  operationId: OperationId,
  parts: RequestParts,
): PreparedRequest {
  const { method, path } = operations[operationId];
  const filled = path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = parts.path[name];
    if (value === undefined) throw new Error(`${operationId} needs the path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const target = `${filled}${encodeQuery(operationId, parts.query ?? {})}`;
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Version": String(ACCEPT_VERSION),
    "User-Agent": "experience-users-conformance",
  };
  if (parts.token !== undefined) headers.Authorization = `Bearer ${parts.token}`;
  if (parts.body !== undefined) headers["Content-Type"] = "application/json";
  return {
    operationId,
    method: method.toUpperCase(),
    url: `${baseUrl.replace(/\/+$/, "")}${target}`,
    display: `${method.toUpperCase()} ${target}`,
    headers,
    ...(parts.body === undefined ? {} : { body: JSON.stringify(parts.body) }),
  };
}
