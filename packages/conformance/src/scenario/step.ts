import type { JsonValue, OperationId } from "@experience-users/spec";
import type { TestIdentity } from "./test-identity.js";

/** What the steps of one run share and learn from each other's answers. */
export interface ScenarioContext {
  readonly applicationId: string;
  readonly identity: TestIdentity;
  /**
   * The id of the user the create step made: set by the runner from a `201` that describes the
   * user sent (its email), never by a step.
   */
  createdUserId?: string;
  /** The email the created user has now (changes with the email patch). */
  currentEmail: string;
  /** The created user's `passwordLastUpdated` before the password patch. */
  passwordLastUpdated?: string;
  /** The id of the first user the plain list step saw, if any. */
  firstListedUserId?: string;
}

/** What a step sends; `applicationId` is always the run's, the token is sent unless told not to. */
export interface StepRequest {
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, JsonValue>>;
  readonly body?: JsonValue;
  /** Send the `Authorization` header. Default true. */
  readonly authorize?: boolean;
}

/** A step that cannot run now, and why. */
export interface StepSkip {
  readonly skip: string;
}

/** One thing an answer must show, beyond its schema. */
export interface Finding {
  readonly pointer: string;
  readonly rule: string;
  readonly message: string;
  readonly received?: JsonValue;
}

/** An expectation on the body of an answer with the expected status. */
export interface Check {
  /** True when it holds only for a server that keeps state (not judged with `stateless`). */
  readonly stateful: boolean;
  readonly run: (body: JsonValue, context: ScenarioContext) => readonly Finding[];
}

/** One row of the scenario: one request and what its answer must be. */
export interface StepDefinition {
  readonly name: string;
  readonly operationId: OperationId;
  readonly request: (context: ScenarioContext) => StepRequest | StepSkip;
  /** The status the step expects (one of the operation's documented statuses). */
  readonly expectStatus: number;
  /** True when only a server that keeps state answers `expectStatus` (e.g. a 404 after delete). */
  readonly statusIsStateful?: boolean;
  readonly checks?: readonly Check[];
  /** Records what later steps need, from an answer with the expected status. */
  readonly learn?: (body: JsonValue, context: ScenarioContext) => void;
}

/** Narrows a step's request to a skip. */
export function isSkip(request: StepRequest | StepSkip): request is StepSkip {
  return "skip" in request;
}
