import type { JsonValue } from "@experience-users/spec";

/** `/items/0/first~1name` from its segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

/** The value a JSON pointer names in `root`; `undefined` when there is none. */
export function valueAt(root: JsonValue, pointer: string): JsonValue | undefined {
  if (pointer === "") return root;
  let current: JsonValue | undefined = root;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(current)) current = current[Number(key)];
    else if (typeof current === "object" && current !== null && Object.hasOwn(current, key)) {
      current = current[key];
    } else return undefined;
  }
  return current;
}

/** How deep {@link walk} descends (answers nested deeper are not searched further). */
export const MAX_DEPTH = 64;

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
