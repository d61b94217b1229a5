import type { JsonValue } from "@experience-users/spec";

/** `/items/0/first~1name` from its segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

/** How deep {@link walk} descends (answers nested deeper are not searched further). */
const MAX_DEPTH = 64;

/** Every value in `root` with its pointer (and its key when in an object), depth first. */
export function* walk(
  root: JsonValue,
  segments: (string | number)[] = [],
  key?: string,
): Generator<{ readonly pointer: string; readonly key?: string; readonly value: JsonValue }> {
  yield key === undefined
    ? { pointer: toPointer(segments), value: root }
    : { pointer: toPointer(segments), key, value: root };
  if (segments.length >= MAX_DEPTH) return;
  if (Array.isArray(root)) {
    for (const [index, item] of root.entries()) yield* walk(item, [...segments, index]);
  } else if (typeof root === "object" && root !== null) {
    for (const [name, item] of Object.entries(root)) yield* walk(item, [...segments, name], name);
  }
}
