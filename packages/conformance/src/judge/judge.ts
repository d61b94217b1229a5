import { type JsonValue, operations } from "@experience-users/spec";
import { responseValidators, type Validator } from "@experience-users/validators";
import type { Outcome } from "../http/sender.js";
import type { Violation } from "../report.js";
import { responsesPointer, writeOnlyProperties } from "../scenario/spec-values.js";
import type { ScenarioContext, StepDefinition } from "../scenario/step.js";
import { walk } from "./json-pointer.js";
import { schemaViolations } from "./schema-violations.js";
import { shown } from "./shown-value.js";

/** Violations kept per step; the rest are counted in one more. */
const VIOLATIONS_PER_STEP = 50;

/** What the judge needs besides the step and its outcome. */
export interface JudgeOptions {
  readonly context: ScenarioContext;
  /** Do not judge what only a server that keeps state can do. */
  readonly stateless: boolean;
  /** Strings no answer may contain (the token, the passwords). */
  readonly secrets: readonly string[];
}

/** The verdict on one answer. */
export interface Judgement {
  readonly violations: readonly Violation[];
  /** The parsed body, when the answer had the expected status and was JSON. */
  readonly expectedBody?: JsonValue;
}

const WRITE_ONLY = new Set(writeOnlyProperties());
const REDACTED = "[redacted]";

function isJsonMediaType(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[^/]+\+json$/.test(type);
}

function parse(text: string): { value: JsonValue } | undefined {
  try {
    return { value: JSON.parse(text) as JsonValue };
  } catch {
    return undefined;
  }
}

function leaks(
  step: string,
  text: string,
  body: JsonValue | undefined,
  secrets: readonly string[],
): Violation[] {
  const present = secrets.filter((secret) => secret !== "" && text.includes(secret));
  if (present.length === 0) return [];
  const at =
    body === undefined
      ? undefined
      : [...walk(body)].find(
          ({ value }) => typeof value === "string" && present.some((s) => value.includes(s)),
        );
  return [
    {
      step,
      kind: "expectation",
      pointer: at?.pointer ?? "",
      rule: "secret-leak",
      message: "the answer contains a password or the token",
      received: REDACTED,
    },
  ];
}

function writeOnly(step: string, body: JsonValue): Violation[] {
  return [...walk(body)]
    .filter(({ key }) => key !== undefined && WRITE_ONLY.has(key))
    .map(({ pointer, key }) => ({
      step,
      kind: "expectation",
      pointer,
      rule: "write-only",
      message: `${key} is write-only and must never be returned`,
      received: REDACTED,
    }));
}

function capped(violations: Violation[]): Violation[] {
  if (violations.length <= VIOLATIONS_PER_STEP) return violations;
  const [first] = violations;
  return [
    ...violations.slice(0, VIOLATIONS_PER_STEP),
    {
      step: first?.step ?? "",
      kind: "schema",
      pointer: "",
      rule: "too-many",
      message: `and ${violations.length - VIOLATIONS_PER_STEP} more violations`,
    },
  ];
}

/**
 * Judges one answer: it came (`timeout`, `network`); its status is documented for the operation
 * (the operations table's `statuses`; a 5xx is a `server-error`); it is JSON; its body passes the
 * generated response validator of that status; it holds no write-only property and no secret;
 * and it is what the step expects (its status, then its checks).
 */
export function judge(step: StepDefinition, outcome: Outcome, options: JudgeOptions): Judgement {
  const name = step.name;
  if (!("status" in outcome)) {
    return {
      violations: [
        {
          step: name,
          kind: "transport",
          pointer: "",
          rule: outcome.failure,
          message: outcome.message,
        },
      ],
    };
  }
  const { status, headers, text } = outcome;
  const operation = operations[step.operationId];
  const parsed = parse(text);
  const violations: Violation[] = leaks(name, text, parsed?.value, options.secrets);
  if (status >= 500 || !(operation.statuses as readonly number[]).includes(status)) {
    violations.unshift({
      step: name,
      kind: "status",
      pointer: "",
      rule: status >= 500 ? "server-error" : "documented-status",
      schemaPath: responsesPointer(step.operationId),
      message: `${status} is not a status the spec documents for ${step.operationId} (${operation.statuses.join(", ")})`,
      received: status,
    });
    return { violations: capped(violations) };
  }
  if (!isJsonMediaType(headers.get("content-type"))) {
    violations.push({
      step: name,
      kind: "schema",
      pointer: "",
      rule: "content-type",
      message: "the answer is not application/json",
      received: headers.get("content-type"),
    });
  }
  if (parsed === undefined) {
    violations.push({
      step: name,
      kind: "schema",
      pointer: "",
      rule: "json",
      message: "the body is not JSON",
      received: shown(text),
    });
    return { violations: capped(violations) };
  }
  const body = parsed.value;
  const validators: Record<number, Validator<unknown>> = responseValidators[step.operationId];
  const validator = validators[status];
  if (validator) violations.push(...schemaViolations(name, body, validator.validate(body)));
  violations.push(...writeOnly(name, body));
  const judged = !(options.stateless && step.statusIsStateful);
  if (status !== step.expectStatus) {
    if (judged) {
      violations.push({
        step: name,
        kind: "expectation",
        pointer: "",
        rule: "expected-status",
        message: `expected ${step.expectStatus}, got ${status}`,
        received: status,
      });
    }
    return { violations: capped(violations) };
  }
  for (const check of step.checks ?? []) {
    if (options.stateless && check.stateful) continue;
    for (const finding of check.run(body, options.context)) {
      violations.push({
        step: name,
        kind: "expectation",
        ...finding,
        ...receivedOf(finding.received),
      });
    }
  }
  return { violations: capped(violations), expectedBody: body };
}

function receivedOf(received: JsonValue | undefined): { received?: JsonValue } {
  return received === undefined ? {} : { received: shown(received) };
}
