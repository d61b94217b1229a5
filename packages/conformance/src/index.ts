export {
  type ConformanceOptions,
  DEFAULT_MAX_RETRY_AFTER,
  DEFAULT_PACE,
  DEFAULT_RATE_LIMIT_RETRIES,
  DEFAULT_TIMEOUT,
} from "./conformance-options.js";
export type { FetchFunction } from "./http/attempt.js";
export { InvalidOptionsError } from "./invalid-options-error.js";
export { REDACTED } from "./redact.js";
export type {
  CleanupResult,
  ConformanceReport,
  ProgressEvent,
  ReportSummary,
  StepResult,
  Verdict,
  Violation,
  ViolationKind,
} from "./report.js";
export { formatJson } from "./reporters/json-reporter.js";
export { formatJunit } from "./reporters/junit-reporter.js";
export {
  type ProgressReporter,
  type ProgressStream,
  progressReporter,
} from "./reporters/progress-reporter.js";
export { formatTable, summaryLine } from "./reporters/table-reporter.js";
export { runConformance } from "./run-conformance.js";
