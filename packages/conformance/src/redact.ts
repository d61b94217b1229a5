/** What replaces a secret in anything reported. */
export const REDACTED = "[redacted]";

/**
 * A deep copy of `value` in which every occurrence of a secret inside a string (or an object key)
 * is replaced by `[redacted]`.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const present = secrets.filter((secret) => secret !== "");
  const scrub = (text: string) =>
    present.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  const visit = (node: unknown): unknown => {
    if (typeof node === "string") return scrub(node);
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node === "object" && node !== null) {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [scrub(key), visit(item)]),
      );
    }
    return node;
  };
  return visit(value) as T;
}
