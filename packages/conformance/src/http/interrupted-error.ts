/** Thrown when the run is stopped before a step's request was sent. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";

  constructor() {
    super("the run was stopped before this request was sent");
  }
}
