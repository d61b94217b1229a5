/** One entry of Prism's `sl-violations` header. */
interface Violation {
  readonly location?: readonly string[];
  readonly message?: string;
}

/**
 * The message of a 400 built from Prism's `sl-violations` header (used when Prism refuses a
 * request the generated validators accept): each violation's own sentence, which names the
 * parameter or body property (`Request query parameter perpage must be integer`), joined by `; `.
 * Undefined when the header is absent or lists nothing readable.
 */
export function violationsMessage(header: string | string[] | undefined): string | undefined {
  if (typeof header !== "string") return undefined;
  let violations: unknown;
  try {
    violations = JSON.parse(header);
  } catch {
    return undefined;
  }
  if (!Array.isArray(violations)) return undefined;
  const sentences = (violations as Violation[])
    .map((violation) => {
      const where = violation.location?.slice(1).join(".");
      const message = violation.message ?? "is invalid";
      return where && !message.startsWith("Request") ? `${where}: ${message}` : message;
    })
    .filter((sentence) => sentence.length > 0);
  return sentences.length === 0 ? undefined : sentences.join("; ");
}
