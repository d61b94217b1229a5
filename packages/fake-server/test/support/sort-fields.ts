import { document } from "@experience-users/spec";
import type { SortField } from "../../src/store/user-fields.js";

/** The spec's `sortField` enum, read from the document rather than copied. */
export function specSortFields(): SortField[] {
  const parameter = document.components.parameters?.sortField as { schema: { enum: SortField[] } };
  return [...parameter.schema.enum];
}
