import { ValidationError } from "./errors/validation-error.js";
import type { RawValidateFunction, ValidationIssue } from "./raw-validate-function.js";

/** A compiled validator for one schema, request or response. */
export interface Validator<T> {
  /** What it validates, e.g. `ExperienceUserPost` or `listExperienceUsers 200 response`. */
  readonly name: string;
  /** True when the value is valid. */
  readonly is: (value: unknown) => value is T;
  /** Throws a {@link ValidationError} listing every violation unless the value is valid. */
  readonly assert: (value: unknown) => asserts value is T;
  /** Every violation in the value; empty when it is valid. */
  readonly validate: (value: unknown) => readonly ValidationIssue[];
}

const NO_ISSUES: readonly ValidationIssue[] = Object.freeze([]);

/** Wraps a generated standalone function into a typed {@link Validator}. */
export function createValidator<T>(name: string, raw: RawValidateFunction): Validator<T> {
  const validate = (value: unknown): readonly ValidationIssue[] =>
    raw(value) ? NO_ISSUES : [...(raw.errors ?? [])];
  return {
    name,
    is: (value: unknown): value is T => raw(value),
    assert: (value: unknown): asserts value is T => {
      const issues = validate(value);
      if (issues.length > 0) throw new ValidationError(name, issues);
    },
    validate,
  };
}
