/** One violation as ajv reports it. `instancePath` is a JSON pointer into the validated value. */
export interface ValidationIssue {
  /** JSON pointer to the offending value (`""` is the value itself). */
  readonly instancePath: string;
  /** JSON pointer to the schema keyword that failed. */
  readonly schemaPath: string;
  /** The failed keyword, e.g. `minLength`, `pattern`, `additionalProperties`. */
  readonly keyword: string;
  /** Keyword details, e.g. `{ limit: 8 }` or `{ additionalProperty: "nope" }`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** A human-readable sentence, e.g. `must NOT have fewer than 8 characters`. */
  readonly message?: string;
}

/** A compiled ajv standalone validation function. */
export interface RawValidateFunction {
  (data: unknown): boolean;
  errors?: ValidationIssue[] | null;
}

/**
 * Runs a raw function for its verdict alone: the generated module's `verdictOf`, which skips
 * building the issues the function would report and leaves `raw.errors` null.
 */
export type Verdict = (raw: RawValidateFunction, value: unknown) => boolean;
