import type { OperationId } from "@experience-users/spec";
import {
  formatIssues,
  responseValidators,
  schemaValidators,
  type Validator,
} from "@experience-users/validators";

/**
 * Checks a body the fake is about to send against the generated validator of the operation's
 * documented response for that status; an undocumented status, or an answer outside any
 * operation (unknown route), is checked against the Error schema. Returns the violations, or
 * undefined when the body is valid.
 */
export function responseViolations(
  operationId: OperationId | undefined,
  status: number,
  body: unknown,
): string | undefined {
  const documented: Readonly<Record<number, Validator<unknown> | undefined>> =
    operationId === undefined ? {} : responseValidators[operationId];
  const validator = documented[status] ?? schemaValidators.Error;
  const issues = validator.validate(body);
  return issues.length === 0 ? undefined : `${validator.name}: ${formatIssues(issues)}`;
}
