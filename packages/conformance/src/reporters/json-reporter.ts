import type { ConformanceReport } from "../report.js";

/** The whole report as JSON (what `--json` prints): attach it to an issue when a run fails. */
export function formatJson(report: ConformanceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
