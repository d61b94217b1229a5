/**
 * An answer body whose JSON text is already rendered (from the per-record cache of
 * store/user-json.ts): the responder sends `text` as it is; `value()` builds the same body as an
 * object, only for response validation.
 */
export class RenderedJson<T> {
  constructor(
    readonly text: string,
    readonly value: () => T,
  ) {}
}
