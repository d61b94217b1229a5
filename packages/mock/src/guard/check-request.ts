import type { OperationDescriptor, OperationId } from "@experience-users/spec";
import {
  decodeRequest,
  type RawRequest,
  requestValidators,
  type ValidationIssue,
} from "@experience-users/validators";

/**
 * What the fake finds wrong with a request, found the fake's way: the operations table decodes
 * the raw strings (`decodeRequest`) and the operation's generated request validator checks them
 * (`query` included, which Prism never decodes). Empty when the request is valid.
 */
export function requestIssues(
  operation: OperationDescriptor,
  raw: RawRequest,
): readonly ValidationIssue[] {
  const { request, issues } = decodeRequest(operation, raw);
  const validator = requestValidators[operation.operationId as OperationId];
  return [...issues, ...validator.validate(request)];
}

const declaredNames = new WeakMap<OperationDescriptor, ReadonlySet<string>>();

function queryNames(operation: OperationDescriptor): ReadonlySet<string> {
  let names = declaredNames.get(operation);
  if (!names) {
    names = new Set(operation.parameters.filter((p) => p.in === "query").map((p) => p.name));
    declaredNames.set(operation, names);
  }
  return names;
}

/**
 * The query string Prism gets. Prism matches parameter names case-insensitively (`PERPAGE=abc`
 * would be read as `perPage`), while the spec and the validators ignore any name they do not
 * declare exactly; so a name that differs from a declared one only in case is dropped. Every
 * other parameter is kept as it came (unknown ones such as `_links`, and Prism's own `__code`).
 */
export function upstreamQuery(operation: OperationDescriptor, rawQuery: string): string {
  if (rawQuery === "") return rawQuery;
  const names = queryNames(operation);
  const lowerNames = new Set([...names].map((name) => name.toLowerCase()));
  const search = new URLSearchParams(rawQuery);
  const dropped = [...search.keys()].filter(
    (key) => !names.has(key) && lowerNames.has(key.toLowerCase()),
  );
  if (dropped.length === 0) return rawQuery;
  for (const key of dropped) search.delete(key);
  return search.toString();
}

const BEARER = /^bearer(?=\s)/i;

/**
 * The `Authorization` header Prism gets. An auth scheme is case-insensitive (RFC 9110) and the
 * fake accepts `bearer <token>`, but Prism only matches `Bearer`: the scheme is spelled its way.
 */
export function upstreamAuthorization(header: string | undefined): string | undefined {
  return header !== undefined && BEARER.test(header) && !header.startsWith("Bearer")
    ? header.replace(BEARER, "Bearer")
    : header;
}
