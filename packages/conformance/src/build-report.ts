import { document } from "@experience-users/spec";
import type { CleanupResult, ConformanceReport, StepResult } from "./report.js";
import type { ResolvedOptions } from "./resolve-options.js";

/** Everything a finished run knows. */
export interface FinishedRun {
  readonly options: ResolvedOptions;
  readonly started: Date;
  readonly testEmail: string;
  readonly steps: readonly StepResult[];
  readonly cleanup: readonly CleanupResult[];
}

/**
 * The report of a run: it conforms only when no step failed, the run was not interrupted and
 * cleanup left nothing behind.
 */
export function buildReport(run: FinishedRun): ConformanceReport {
  const { options, steps, cleanup } = run;
  const interrupted = steps.some((step) => step.skipReason === "interrupted");
  const failed = steps.filter((step) => step.verdict === "fail").length;
  const passed = steps.filter((step) => step.verdict === "pass").length;
  return {
    conforms:
      failed === 0 && !interrupted && cleanup.every((result) => result.outcome !== "failed"),
    baseUrl: options.baseUrl,
    applicationId: options.applicationId,
    spec: { title: document.info.title, version: document.info.version },
    readOnly: options.readOnly,
    stateless: options.stateless,
    startedAt: run.started.toISOString(),
    durationMs: Date.now() - run.started.getTime(),
    ...(options.readOnly ? {} : { testEmail: run.testEmail }),
    interrupted,
    summary: {
      steps: steps.length,
      passed,
      failed,
      skipped: steps.length - passed - failed,
      violations: steps.reduce((sum, step) => sum + step.violations.length, 0),
    },
    steps,
    cleanup,
  };
}
