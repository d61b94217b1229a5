import { ValidationError } from "./errors/validation-error.js";
import type { RawValidateFunction, ValidationIssue, Verdict } from "./raw-validate-function.js";

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

/** Reported instead of a stack overflow when a value nests deeper than the validator can recurse. */
export const TOO_DEEP: ValidationIssue = Object.freeze({
  instancePath: "",
  schemaPath: "#",
  keyword: "depth",
  params: Object.freeze({}),
  message: "is nested too deeply to validate",
});

/**
 * Runs a generated function. The generated code recurses once per nesting level of recursive
 * schemas (the advanced query), so a value nested thousands of levels deep overflows the stack:
 * that is reported as one invalid-value issue, never thrown.
 */
function run(raw: RawValidateFunction, value: unknown): readonly ValidationIssue[] {
  try {
    return raw(value) ? NO_ISSUES : [...(raw.errors ?? [])];
  } catch (error) {
    if (error instanceof RangeError) return [TOO_DEEP];
    throw error;
  }
}

/**
 * Wraps a generated standalone function into a typed {@link Validator}. Only validators of
 * recursive schemas (`recursive`, set by the generator) can overflow the stack, so only they pay
 * for the guard. `is` runs the function through `verdict` when given (the generator passes the
 * module's `verdictOf`, which builds no issues, to the recursive validators), else the function
 * itself.
 * @param recursive whether the schema can nest without bound. @default false
 * @param verdict runs `raw` for its verdict alone. @default undefined: `raw` is called as it is.
 */
export function createValidator<T>(
  name: string,
  raw: RawValidateFunction,
  recursive = false,
  verdict?: Verdict,
): Validator<T> {
  const validate = recursive
    ? (value: unknown): readonly ValidationIssue[] => run(raw, value)
    : (value: unknown): readonly ValidationIssue[] =>
        raw(value) ? NO_ISSUES : [...(raw.errors ?? [])];
  const check = verdict === undefined ? raw : (value: unknown) => verdict(raw, value);
  const is = recursive
    ? (value: unknown): value is T => {
        try {
          return check(value);
        } catch (error) {
          if (error instanceof RangeError) return false;
          throw error;
        }
      }
    : (check as (value: unknown) => value is T);
  return {
    name,
    is,
    assert: (value: unknown): asserts value is T => {
      const issues = validate(value);
      if (issues.length > 0) throw new ValidationError(name, issues);
    },
    validate,
  };
}
