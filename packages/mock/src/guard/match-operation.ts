import {
  type OperationDescriptor,
  type OperationId,
  operationIds,
  operations,
} from "@experience-users/spec";

/** The operation a request is for, with its path parameters percent-decoded. */
export interface MatchedOperation {
  readonly operationId: OperationId;
  readonly operation: OperationDescriptor;
  readonly path: Readonly<Record<string, string>>;
}

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly operationId: OperationId;
  readonly operation: OperationDescriptor;
}

const routes: readonly Route[] = operationIds.map((id) => ({
  operationId: id,
  method: operations[id].method.toUpperCase(),
  segments: operations[id].path.split("/"),
  operation: operations[id],
}));

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Finds the operation of the operations table that `method` and `pathname` call, as Prism
 * routes them: the same number of segments, literal segments equal, each `{parameter}` segment
 * non-empty. Undefined for any other request (Prism answers those itself: 404, 405, CORS).
 */
export function matchOperation(method: string, pathname: string): MatchedOperation | undefined {
  const segments = pathname.split("/");
  for (const route of routes) {
    if (route.method !== method || route.segments.length !== segments.length) continue;
    const path: Record<string, string> = {};
    const matches = route.segments.every((part, i) => {
      const segment = segments[i] as string;
      if (!part.startsWith("{")) return part === segment;
      if (segment === "") return false;
      path[part.slice(1, -1)] = decode(segment);
      return true;
    });
    if (matches) return { operationId: route.operationId, operation: route.operation, path };
  }
  return undefined;
}
