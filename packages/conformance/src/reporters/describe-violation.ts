import type { Violation } from "../report.js";

/** A received value as one short line of text. */
function receivedText(violation: Violation): string {
  if (!("received" in violation) || violation.received === undefined) return "(missing)";
  const text = JSON.stringify(violation.received);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** `/firstName type (#/properties/firstName/type): must be string; received 42` */
export function describeViolation(violation: Violation): string {
  const where = violation.pointer === "" ? "(answer)" : violation.pointer;
  const rule = violation.schemaPath
    ? `${violation.rule} (${violation.schemaPath})`
    : violation.rule;
  return `${where} ${rule}: ${violation.message}; received ${receivedText(violation)}`;
}
