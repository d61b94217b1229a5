import { type OperationId, operationIds, operations } from "@experience-users/spec";

/** The operations table's path templates, each with the operations it serves, in table order. */
export function operationsByPath(): Map<string, OperationId[]> {
  const byPath = new Map<string, OperationId[]>();
  for (const id of operationIds) {
    const path = operations[id].path;
    byPath.set(path, [...(byPath.get(path) ?? []), id]);
  }
  return byPath;
}

/** A path template in the `:name` syntax Hono and MSW share: `/a/{id}` -> `/a/:id`. */
export function colonPath(template: string): string {
  return template.replaceAll("{", ":").replaceAll("}", "");
}
