import {
  ApiError,
  createClient,
  type ExperienceUsersApi,
  type ExperienceUsersClient,
} from "@experience-users/client";
import {
  createFakeServer,
  EXAMPLE_APPLICATION_ID,
  type FakeServer,
  type FakeServerOptions,
} from "@experience-users/fake-server";
import { matchOperation } from "@experience-users/mock";
import { type OperationId, operationIds, operations } from "@experience-users/spec";
import { trackedFakes } from "@experience-users/test-support";
import {
  formatIssues,
  responseValidators,
  schemaValidators,
  type Validator,
} from "@experience-users/validators";
import { afterEach, expect } from "vitest";

/** One answer a {@link checkedFetch} saw, with what is wrong with it (nothing, we hope). */
export interface SeenResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly operationId: OperationId | undefined;
  readonly problems: readonly string[];
}

function problemsOf(operationId: OperationId | undefined, response: Response, body: unknown) {
  const documented: Readonly<Record<number, Validator<unknown> | undefined>> =
    operationId === undefined ? {} : responseValidators[operationId];
  const validator = documented[response.status] ?? schemaValidators.Error;
  const issues = validator.validate(body);
  const problems = issues.length === 0 ? [] : [`${validator.name}: ${formatIssues(issues)}`];
  const violations = response.headers.get("sl-violations");
  if (violations) problems.push(`sl-violations: ${violations}`);
  if (response.status >= 400) {
    const error = body as Record<string, unknown> | undefined;
    const shaped =
      typeof error?.type === "string" &&
      typeof error.message === "string" &&
      Object.keys(error).length === 2;
    if (!shaped) problems.push(`not an Error { type, message }: ${JSON.stringify(body)}`);
  }
  return problems;
}

/**
 * Wraps a fetch so that every answer is checked, independently of the server, against the
 * generated validator of its operation's documented response (the Error schema for anything
 * else), must carry no Prism `sl-violations` header, and must be `{ type, message }` when it is an
 * error. `seen` records every answer.
 */
export function checkedFetch(base: (request: Request) => Promise<Response>) {
  const seen: SeenResponse[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const response = await base(request);
    const { pathname } = new URL(request.url);
    const operationId = matchOperation(request.method, pathname)?.operationId;
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {}
    const problems = problemsOf(operationId, response, body);
    seen.push({
      method: request.method,
      path: pathname,
      status: response.status,
      operationId,
      problems,
    });
    return response;
  };
  return {
    fetch,
    seen,
    problems: () =>
      seen.flatMap((s) => s.problems.map((p) => `${s.method} ${s.path} ${s.status}: ${p}`)),
  };
}

/** A fresh fake and a generated client on it. */
export interface FakeUnderTest {
  readonly fake: FakeServer;
  readonly applicationId: string;
  /** The client with the dev token (every scope). */
  readonly client: ExperienceUsersClient;
  /** A client on the same fake with another token. */
  as(token: string): ExperienceUsersClient["users"];
  readonly seen: readonly SeenResponse[];
}

/**
 * Returns a factory of fresh in-process fakes (response validation on) with clients whose every
 * answer is checked; after each test, no answer may have had a problem and no fake a fault.
 */
export function useFakes(
  options: Omit<FakeServerOptions, "validateResponses"> = {},
): () => FakeUnderTest {
  const fakes = trackedFakes(createFakeServer);
  const checks: (() => string[])[] = [];
  afterEach(() => {
    for (const problems of checks.splice(0)) expect(problems()).toEqual([]);
  });
  return () => {
    const fake = fakes(options);
    const checked = checkedFetch(fake.fetch);
    checks.push(checked.problems);
    const clientFor = (token: string) =>
      createClient({ token, baseUrl: fake.baseUrl, fetch: checked.fetch });
    return {
      fake,
      applicationId: EXAMPLE_APPLICATION_ID,
      client: clientFor(fake.token),
      as: (token) => clientFor(token).users,
      seen: checked.seen,
    };
  };
}

/** One call of each operation through the client, on an application and a user id. */
export const callOperation: Record<
  OperationId,
  (users: ExperienceUsersApi, applicationId: string, experienceUserId: string) => Promise<unknown>
> = {
  listExperienceUsers: (users, applicationId) => users.list({ applicationId }),
  createExperienceUser: (users, applicationId) =>
    users.create({ applicationId }, { email: "new@example.com", password: "password-1" }),
  getExperienceUser: (users, applicationId, experienceUserId) =>
    users.get({ applicationId, experienceUserId }),
  updateExperienceUser: (users, applicationId, experienceUserId) =>
    users.update({ applicationId, experienceUserId }, { firstName: "New" }),
  deleteExperienceUser: (users, applicationId, experienceUserId) =>
    users.delete({ applicationId, experienceUserId }),
};

/** Every scope of the spec except those the operation accepts: a token that must get a 403. */
export function scopesOtherThan(operationId: OperationId): string[] {
  const accepted: readonly string[] = operations[operationId].scopes;
  const all = new Set(operationIds.flatMap((id) => operations[id].scopes));
  return [...all].filter((scope) => !accepted.includes(scope));
}

/** The ApiError a call rejected with (fails the test if it resolved or threw something else). */
export async function apiError(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
