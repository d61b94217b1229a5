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

/** How many issues a message spells out; the rest are counted, so a message stays small. */
export const MESSAGE_ISSUE_LIMIT = 20;

/**
 * `"/password must NOT have fewer than 8 characters; /userTags must NOT have ..."`: the first
 * `limit` issues, then `"(and N more)"`.
 */
export function formatIssues(
  issues: readonly ValidationIssue[],
  limit = MESSAGE_ISSUE_LIMIT,
): string {
  const shown = issues
    .slice(0, limit)
    .map(
      (issue) =>
        `${truncate(issue.instancePath || "/")} ${issue.message ?? issue.keyword}${detail(issue)}`,
    );
  if (issues.length > limit) shown.push(`(and ${issues.length - limit} more)`);
  return shown.join("; ");
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function detail(issue: ValidationIssue): string {
  const extra = issue.params.additionalProperty;
  return issue.keyword === "additionalProperties" && typeof extra === "string"
    ? ` (${JSON.stringify(extra.length > 64 ? `${extra.slice(0, 64)}…` : extra)})`
    : "";
}
