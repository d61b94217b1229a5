import { operations } from "@experience-users/spec";
import type { CreatedUsers } from "./cleanup/created-users.js";
import { InterruptedError } from "./http/interrupted-error.js";
import { prepareRequest } from "./http/prepare-request.js";
import type { Outcome, Sender } from "./http/sender.js";
import { judge } from "./judge/judge.js";
import type { StepResult, Violation } from "./report.js";
import { isSkip, type ScenarioContext, type StepDefinition } from "./scenario/step.js";

/** What every step of a run shares. */
export interface StepDependencies {
  readonly baseUrl: string;
  readonly token: string;
  readonly sender: Sender;
  readonly users: CreatedUsers;
  readonly context: ScenarioContext;
  readonly readOnly: boolean;
  readonly stateless: boolean;
  readonly secrets: readonly string[];
  readonly stop?: AbortSignal;
  readonly onCreated?: (id: string, email: string) => void;
}

function skipped(step: StepDefinition, reason: string): StepResult {
  return {
    name: step.name,
    operationId: step.operationId,
    durationMs: 0,
    attempts: 0,
    verdict: "skip",
    skipReason: reason,
    violations: [],
  };
}

function refused(step: StepDefinition, id: string): StepResult {
  const violation: Violation = {
    step: step.name,
    kind: "expectation",
    pointer: "",
    rule: "refused",
    message: `not sent: user ${id} was not created by this run`,
    received: id,
  };
  return {
    name: step.name,
    operationId: step.operationId,
    durationMs: 0,
    attempts: 0,
    verdict: "fail",
    violations: [violation],
  };
}

function emailOf(body: unknown): string | undefined {
  const email =
    typeof body === "object" && body !== null ? (body as { email?: unknown }).email : undefined;
  return typeof email === "string" ? email : undefined;
}

/**
 * Runs one step: skips it when the run is read-only (anything but a GET), when it lacks what it
 * needs, or when the run is stopped before it is sent; refuses to change a user the run did not
 * create; sends it; notes created and deleted users; judges the answer; lets the step learn.
 */
export async function runStep(step: StepDefinition, deps: StepDependencies): Promise<StepResult> {
  const { context, users } = deps;
  const method = operations[step.operationId].method;
  if (deps.readOnly && method !== "get") return skipped(step, "read-only: this step changes data");
  const request = step.request(context);
  if (isSkip(request)) return skipped(step, request.skip);
  const path: Record<string, string> = { ...request.path, applicationId: context.applicationId };
  const target = path.experienceUserId;
  if (method !== "get" && target !== undefined && !users.owns(target)) return refused(step, target);
  const email = emailOf(request.body);
  if (email !== undefined && method !== "get") users.useEmail(email);
  const prepared = prepareRequest(deps.baseUrl, step.operationId, {
    path,
    ...(request.query === undefined ? {} : { query: request.query }),
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.authorize === false ? {} : { token: deps.token }),
  });
  let outcome: Outcome;
  try {
    outcome = await deps.sender.send(prepared, deps.stop);
  } catch (error) {
    if (error instanceof InterruptedError) return skipped(step, "interrupted");
    throw error;
  }
  if (step.operationId === "createExperienceUser" && email !== undefined) {
    const id = users.observeCreate(email, outcome);
    if (id !== undefined) deps.onCreated?.(id, email);
    const created = "status" in outcome && outcome.status === step.expectStatus;
    if (id !== undefined && created && context.createdUserId === undefined)
      context.createdUserId = id;
  }
  if (step.operationId === "deleteExperienceUser" && target !== undefined) {
    users.observeDelete(target, outcome);
  }
  const judgement = judge(step, outcome, {
    context,
    stateless: deps.stateless,
    secrets: deps.secrets,
  });
  if (judgement.expectedBody !== undefined) step.learn?.(judgement.expectedBody, context);
  return {
    name: step.name,
    operationId: step.operationId,
    request: prepared.display,
    ...("status" in outcome ? { status: outcome.status } : {}),
    durationMs: outcome.durationMs,
    attempts: outcome.attempts,
    verdict: judgement.violations.length === 0 ? "pass" : "fail",
    violations: judgement.violations,
  };
}
