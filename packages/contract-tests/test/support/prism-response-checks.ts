import type { OperationId } from "@experience-users/spec";
import { responseValidators, type ValidationIssue } from "@experience-users/validators";

type ResponseValidatorTable = Record<
  string,
  Record<number, { validate(value: unknown): readonly ValidationIssue[] }>
>;

/** What the generated validator of an operation's documented response finds wrong in `body`. */
export function responseIssues(
  operationId: OperationId,
  status: number,
  body: unknown,
): readonly ValidationIssue[] {
  const validator = (responseValidators as ResponseValidatorTable)[operationId]?.[status];
  if (!validator) throw new Error(`${operationId} documents no ${status} response`);
  return validator.validate(body);
}

/**
 * The API's error body, `{ type, message }` with both strings. Stricter than the spec's Error
 * schema, which requires neither property and so accepts any object.
 */
export function isErrorShaped(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const { type, message } = body as Record<string, unknown>;
  return typeof type === "string" && typeof message === "string";
}
