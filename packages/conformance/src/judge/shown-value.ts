import type { JsonValue } from "@experience-users/spec";

/** The longest received value kept as it is, in characters of JSON. */
const SHOWN_VALUE_LIMIT = 500;

/** A received value as a report keeps it: whole when small, else the start of its JSON text. */
export function shown(value: JsonValue): JsonValue {
  const text = JSON.stringify(value);
  return text.length <= SHOWN_VALUE_LIMIT ? value : `${text.slice(0, SHOWN_VALUE_LIMIT)}…`;
}
