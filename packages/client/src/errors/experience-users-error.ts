/** Base class of every error the client throws; `operation` is the spec's operationId. */
export class ExperienceUsersError extends Error {
  override readonly name: string = "ExperienceUsersError";
  /** The operationId of the call that failed, e.g. `createExperienceUser`. */
  declare readonly operation: string;

  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = operation;
  }
}
