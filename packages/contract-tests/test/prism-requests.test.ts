import { operationIds, operations } from "@experience-users/spec";
import { formatIssues, requestValidators } from "@experience-users/validators";
import { describe, expect, it } from "vitest";
import { usePrism } from "./support/prism.js";
import { TOKEN } from "./support/prism-client-calls.js";
import { sendRaw, violationPointer } from "./support/prism-raw-requests.js";
import {
  allowedRequests,
  type ForbiddenCase,
  forbiddenRequests,
  type RequestCase,
} from "./support/prism-request-cases.js";
import { isErrorShaped, responseIssues } from "./support/prism-response-checks.js";
import { exampleRequest, responseExamples } from "./support/prism-spec-examples.js";

const prism = usePrism();

/** True when JSON pointer `pointer` is `at` or inside it (names compared case-insensitively). */
function pointsInto(pointer: string, at: string): boolean {
  const [p, a] = [pointer.toLowerCase(), at.toLowerCase()];
  return a === "" || p === a || p.startsWith(`${a}/`);
}

function validatorIssues({ operationId, request }: RequestCase) {
  return requestValidators[operationId].validate(request);
}

/** The request validators reject the case with an issue at (or below) `c.at`. */
function expectValidatorsToReject(c: ForbiddenCase) {
  const issues = validatorIssues(c);
  const explanation = formatIssues(issues) || "the validators found nothing wrong";
  expect(
    issues.some((issue) => pointsInto(issue.instancePath, c.at)),
    explanation,
  ).toBe(true);
}

describe("requests the spec forbids are rejected by the validators and by the mock, at the same place", () => {
  it.each(forbiddenRequests.filter((c) => !c.mockGap))("$description (at $at)", async (c) => {
    expectValidatorsToReject(c);

    const answer = await sendRaw(prism.url, c.operationId, c.request);
    expect(answer.status).toBe(400);
    expect(isErrorShaped(answer.body)).toBe(true);
    expect(responseIssues(c.operationId, 400, answer.body)).toEqual([]);
    const where = answer.violations.map(violationPointer);
    expect(
      where.some((pointer) => pointsInto(pointer, c.at)),
      JSON.stringify(where),
    ).toBe(true);
  });

  it.each(forbiddenRequests.filter((c) => c.mockGap))(
    "$description (at $at): the validators reject it; the mock cannot (gap $mockGap)",
    (c) => expectValidatorsToReject(c),
  );
});

describe("requests the spec allows pass the validators and the mock", () => {
  it.each(allowedRequests)("$description", async (c) => {
    expect(formatIssues(validatorIssues(c))).toBe("");

    const answer = await sendRaw(prism.url, c.operationId, c.request);
    expect(answer.violations).toEqual([]);
    expect(answer.status).toBe(operations[c.operationId].successStatus);
    expect(responseIssues(c.operationId, answer.status, answer.body)).toEqual([]);
  });
});

describe("a body that is not JSON", () => {
  const withBody = operationIds.filter((operationId) => operations[operationId].requestBody);

  it.each(withBody)(
    "%s: answered with a 400 within 1 s (Prism 5.16.0 never answers)",
    async (operationId) => {
      const answer = await sendRaw(prism.url, operationId, exampleRequest(operationId), {
        rawBody: "not json{",
        signal: AbortSignal.timeout(1_000),
      }).catch((error: unknown) => {
        throw new Error(`no answer within 1 s to a non-JSON ${operationId} body`, { cause: error });
      });
      expect(answer.status).toBe(400);
    },
  );
});

describe("the mock enforces authentication", () => {
  const cases = operationIds.flatMap((operationId) => [
    { description: `${operationId} without a token`, operationId, authorization: null },
    {
      description: `${operationId} with Basic credentials instead of a bearer token`,
      operationId,
      authorization: "Basic dXNlcjpwYXNzd29yZA==",
    },
    {
      description: `${operationId} with an empty bearer token`,
      operationId,
      authorization: "Bearer ",
    },
  ]);

  it.each(cases)("$description: 401 with the spec's example", async (c) => {
    const answer = await sendRaw(prism.url, c.operationId, exampleRequest(c.operationId), {
      headers: { Authorization: c.authorization },
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(responseExamples(c.operationId, 401)[0]?.value);
    expect(responseIssues(c.operationId, 401, answer.body)).toEqual([]);
  });
});

describe("the mock answers what the spec does not describe", () => {
  const { applicationId } = exampleRequest("listExperienceUsers").path;
  const cases = [
    {
      description: "an unknown path",
      method: "GET",
      path: `/applications/${applicationId}/devices`,
      status: 404,
    },
    {
      description: "an undocumented method",
      method: "PUT",
      path: `/applications/${applicationId}/experience/users`,
      status: 405,
    },
  ];

  it.each(cases)("$description: $status", async (c) => {
    const response = await fetch(`${prism.url}${c.path}`, {
      method: c.method,
      headers: { Authorization: `Bearer ${TOKEN}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(c.status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});
