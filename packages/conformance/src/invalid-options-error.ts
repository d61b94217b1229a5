/** Thrown by {@link runConformance} before any request when an option cannot be used. */
export class InvalidOptionsError extends Error {
  override readonly name = "InvalidOptionsError";
}
