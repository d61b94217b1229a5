import type { JsonValue, OperationId } from "@experience-users/spec";

/** How a step ended: every check held, one did not, or it did not run. */
export type Verdict = "pass" | "fail" | "skip";

/**
 * What a violation is about: the answer never came (`transport`), its status is not documented
 * (`status`), its body breaks the response schema (`schema`), or it is valid but not what the
 * step expects of the API (`expectation`).
 */
export type ViolationKind = "transport" | "status" | "schema" | "expectation";

/** One way an answer does not conform. */
export interface Violation {
  /** The step's name, e.g. `get: created user`. */
  readonly step: string;
  readonly kind: ViolationKind;
  /** JSON pointer into the answer's body (`""` is the whole answer, or its status). */
  readonly pointer: string;
  /**
   * The rule broken: the schema keyword (`type`, `required`, `format`, ...) for `schema`
   * violations; otherwise one of `timeout`, `network`, `server-error`, `documented-status`,
   * `content-type`, `json`, `expected-status`, `must-find`, `must-not-find`, `echo`,
   * `write-only`, `secret-leak`, `refused`.
   */
  readonly rule: string;
  /**
   * Where the rule is written: ajv's schema path for `schema` violations
   * (`#/properties/firstName/type`), the operation's responses in the spec for `documented-status`
   * and `server-error`.
   */
  readonly schemaPath?: string;
  /** A sentence saying what is wrong. */
  readonly message: string;
  /** The value received at `pointer` (absent when it is missing); secrets are `[redacted]`. */
  readonly received?: JsonValue;
}

/** What one step sent, got and concluded. */
export interface StepResult {
  readonly name: string;
  readonly operationId: OperationId;
  /** `GET /applications/…/experience/users?sortField=email` (no host, no token). */
  readonly request?: string;
  /** The HTTP status of the (last) answer; absent when none came or the step was skipped. */
  readonly status?: number;
  /** Milliseconds from the first attempt to the end of the answer's body (pacing excluded). */
  readonly durationMs: number;
  /** Requests sent: 1, plus one per `429` retried. */
  readonly attempts: number;
  readonly verdict: Verdict;
  /** Why the step did not run (only when `verdict` is `skip`). */
  readonly skipReason?: string;
  readonly violations: readonly Violation[];
}

/** What happened to one user the run created, or may have created. */
export interface CleanupResult {
  /** The user's id; absent when it was looked up by email and not found. */
  readonly id?: string;
  readonly email?: string;
  /**
   * `deleted` by cleanup; `gone` (deleted by the scenario, or already a 404); `failed`: it may
   * still be there, delete it by hand.
   */
  readonly outcome: "deleted" | "gone" | "failed";
  /** The status of the cleanup request, when one was answered. */
  readonly status?: number;
  readonly detail?: string;
}

/** Counts over the steps. */
export interface ReportSummary {
  readonly steps: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly violations: number;
}

/** The whole result of a run: what the CLI prints as `--json`. Holds no token and no password. */
export interface ConformanceReport {
  /** True only when no step failed, nothing was left behind and the run was not interrupted. */
  readonly conforms: boolean;
  readonly baseUrl: string;
  readonly applicationId: string;
  /** The spec the answers were judged against (`info.title` and `info.version`). */
  readonly spec: { readonly title: string; readonly version: string };
  readonly readOnly: boolean;
  readonly stateless: boolean;
  /** ISO time the run started. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** The email of the user the run created (absent in read-only runs). */
  readonly testEmail?: string;
  /** True when the run was stopped (signal) before its last step. */
  readonly interrupted: boolean;
  readonly summary: ReportSummary;
  readonly steps: readonly StepResult[];
  readonly cleanup: readonly CleanupResult[];
}

/** What `onProgress` hears while a run goes on. */
export type ProgressEvent =
  | {
      readonly type: "step-start";
      readonly index: number;
      readonly total: number;
      readonly name: string;
    }
  | {
      readonly type: "step-end";
      readonly index: number;
      readonly total: number;
      readonly result: StepResult;
    }
  | { readonly type: "created"; readonly id: string; readonly email?: string }
  | { readonly type: "cleanup"; readonly result: CleanupResult };
