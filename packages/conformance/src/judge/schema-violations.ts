import { type JsonValue, valueAtPointer } from "@experience-users/spec";
import type { ValidationIssue } from "@experience-users/validators";
import type { Violation } from "../report.js";
import { toPointer } from "./json-pointer.js";
import { shown } from "./shown-value.js";

/** The pointer an issue is about: for `required`, the missing property itself. */
function pointerOf(issue: ValidationIssue): string {
  const missing = issue.params.missingProperty;
  return issue.keyword === "required" && typeof missing === "string"
    ? `${issue.instancePath}${toPointer([missing])}`
    : issue.instancePath;
}

/** One violation per issue of the response validator, with the value found at its pointer. */
export function schemaViolations(
  step: string,
  body: JsonValue,
  issues: readonly ValidationIssue[],
): Violation[] {
  return issues.map((issue) => {
    const pointer = pointerOf(issue);
    const received = valueAtPointer(body, pointer);
    return {
      step,
      kind: "schema",
      pointer,
      rule: issue.keyword,
      schemaPath: issue.schemaPath,
      message: issue.message ?? issue.keyword,
      ...(received === undefined ? {} : { received: shown(received) }),
    };
  });
}
