import type { ValidationIssue } from "../raw-validate-function.js";

/**
 * Thrown by the `assert*` functions: lists every violation with its JSON pointer. The message
 * never contains the validated values (a password stays out of logs).
 */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  /** What was validated, e.g. `ExperienceUserPost` or `createExperienceUser request`. */
  readonly target: string;
  /** Every violation found. */
  readonly issues: readonly ValidationIssue[];

  constructor(target: string, issues: readonly ValidationIssue[]) {
    super(`${target} is invalid: ${formatIssues(issues)}`);
    this.target = target;
    this.issues = issues;
  }
}

/** `"/password must NOT have fewer than 8 characters; /userTags must NOT have ..."`. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map(
      (issue) => `${issue.instancePath || "/"} ${issue.message ?? issue.keyword}${detail(issue)}`,
    )
    .join("; ");
}

function detail(issue: ValidationIssue): string {
  const extra = issue.params.additionalProperty;
  return issue.keyword === "additionalProperties" && typeof extra === "string"
    ? ` (${JSON.stringify(extra.length > 64 ? `${extra.slice(0, 64)}…` : extra)})`
    : "";
}
