import Table from "cli-table3";
import type { CleanupResult, ConformanceReport, StepResult } from "../report.js";
import { describeViolation } from "./describe-violation.js";

function verdictText(step: StepResult): string {
  if (step.verdict === "skip") return `skip: ${step.skipReason}`;
  if (step.verdict === "pass") return "pass";
  return `FAIL (${step.violations.length})`;
}

function timeText(step: StepResult): string {
  if (step.verdict === "skip") return "";
  const tries = step.attempts > 1 ? ` (${step.attempts} tries)` : "";
  return `${step.durationMs} ms${tries}`;
}

function cleanupText(result: CleanupResult): string {
  const who = [result.id && `user ${result.id}`, result.email && `(${result.email})`]
    .filter(Boolean)
    .join(" ");
  const detail = result.detail ? `: ${result.detail}` : "";
  const verb = { deleted: "deleted", gone: "gone", failed: "NOT DELETED" }[result.outcome];
  return `  ${verb} ${who || "users"}${detail}`;
}

/** One line that says whether the deployment conforms, with the counts. */
export function summaryLine(report: ConformanceReport): string {
  const { steps, passed, failed, skipped, violations } = report.summary;
  const verdict = report.conforms ? "Conforms" : "Does not conform";
  const interrupted = report.interrupted ? " (interrupted)" : "";
  return `${verdict}${interrupted}: ${steps} steps (${passed} passed, ${failed} failed, ${skipped} skipped), ${violations} violation${violations === 1 ? "" : "s"}.`;
}

/** The report for a person: a table of steps, then each violation, what was cleaned, a verdict. */
export function formatTable(report: ConformanceReport): string {
  const table = new Table({
    head: ["step", "status", "time", "verdict"],
    style: { head: [], border: [], compact: true },
  });
  for (const step of report.steps) {
    table.push([step.name, step.status ?? "", timeText(step), verdictText(step)]);
  }
  const violations = report.steps.flatMap((step) => step.violations);
  const lines = [
    `Experience Users conformance of ${report.baseUrl} (application ${report.applicationId}) against ${report.spec.title} ${report.spec.version}${report.readOnly ? ", read-only" : ""}${report.stateless ? ", stateless" : ""}`,
    table.toString(),
  ];
  if (violations.length > 0) {
    lines.push(`Violations (${violations.length}):`);
    lines.push(...violations.map((v) => `  [${v.step}] ${describeViolation(v)}`));
  }
  if (report.cleanup.length > 0) {
    lines.push("Cleanup:", ...report.cleanup.map(cleanupText));
  }
  lines.push(summaryLine(report));
  return `${lines.join("\n")}\n`;
}
