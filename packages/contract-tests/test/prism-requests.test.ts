import { operationIds, operations } from "@experience-users/spec";
import { formatIssues, requestValidators } from "@experience-users/validators";
import { describe, expect, it } from "vitest";
import { useMock } from "./support/mock.js";
import { TOKEN } from "./support/prism-client-calls.js";
import { sendRaw } from "./support/prism-raw-requests.js";
import {
  allowedRequests,
  type ForbiddenCase,
  forbiddenRequests,
  type RequestCase,
} from "./support/prism-request-cases.js";
import { isErrorShaped, responseIssues } from "./support/prism-response-checks.js";
import { exampleRequest, responseExamples } from "./support/prism-spec-examples.js";
import { useServedFake } from "./support/served-fake.js";

const mock = useMock();
const fake = useServedFake();

/** True when JSON pointer `pointer` is `at` or inside it. */
function pointsInto(pointer: string, at: string): boolean {
  return at === "" || pointer === at || pointer.startsWith(`${at}/`);
}

function validatorIssues({ operationId, request }: RequestCase) {
  return requestValidators[operationId].validate(request);
}

function sendCase(baseUrl: string, c: ForbiddenCase) {
  return sendRaw(baseUrl, c.operationId, c.request, {
    ...(c.rawBody === undefined ? {} : { rawBody: c.rawBody }),
    ...(c.contentType === undefined ? {} : { headers: { "Content-Type": c.contentType } }),
  });
}

describe("requests the spec forbids: the validators, the mock and the fake refuse each with the same Error", () => {
  it.each(forbiddenRequests)("$description (at $at)", async (c) => {
    if (c.rawBody === undefined) {
      const issues = validatorIssues(c);
      expect(
        issues.some((issue) => pointsInto(issue.instancePath, c.at)),
        formatIssues(issues) || "the validators found nothing wrong",
      ).toBe(true);
    }

    const [fromMock, fromFake] = await Promise.all([sendCase(mock.url, c), sendCase(fake.url, c)]);
    const status = c.status ?? 400;
    for (const answer of [fromMock, fromFake]) {
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ type: c.type ?? "Validation" });
      expect((answer.body as { message: string }).message).toContain(c.names ?? c.at);
    }
    expect(fromMock.body, "the mock says what the fake says").toEqual(fromFake.body);
    if (status === 400) expect(responseIssues(c.operationId, 400, fromMock.body)).toEqual([]);
    expect(fromMock.violations, "no sl-violations about the request Prism was sent").toEqual([]);
  });
});

describe("requests the spec allows pass the validators and the mock", () => {
  it.each(allowedRequests)("$description", async (c) => {
    expect(formatIssues(validatorIssues(c))).toBe("");

    const answer = await sendRaw(mock.url, c.operationId, c.request);
    expect(answer.violations).toEqual([]);
    expect(answer.status).toBe(operations[c.operationId].successStatus);
    expect(responseIssues(c.operationId, answer.status, answer.body)).toEqual([]);
  });
});

describe("a body that is not JSON", () => {
  const withBody = operationIds.filter((operationId) => operations[operationId].requestBody);

  it.each(withBody)(
    "%s: an Error-shaped 400 naming the body, within 1 s (Prism 5.16.0 alone never answers)",
    async (operationId) => {
      const answer = await sendRaw(mock.url, operationId, exampleRequest(operationId), {
        rawBody: "not json{",
        signal: AbortSignal.timeout(1_000),
      }).catch((error: unknown) => {
        throw new Error(`no answer within 1 s to a non-JSON ${operationId} body`, { cause: error });
      });
      expect(answer.status).toBe(400);
      expect(isErrorShaped(answer.body)).toBe(true);
      expect(answer.body).toEqual({
        type: "BadRequest",
        message: "Request body is not valid JSON",
      });
      expect(responseIssues(operationId, 400, answer.body)).toEqual([]);
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
    const answer = await sendRaw(mock.url, c.operationId, exampleRequest(c.operationId), {
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
      accept: "application/json",
      status: 404,
    },
    {
      description: "an undocumented method",
      method: "PUT",
      path: `/applications/${applicationId}/experience/users`,
      accept: "application/json",
      status: 405,
    },
    {
      description: "an Accept header that excludes JSON",
      method: "GET",
      path: `/applications/${applicationId}/experience/users`,
      accept: "text/html",
      status: 406,
    },
  ];

  it.each(cases)("$description: $status", async (c) => {
    const response = await fetch(`${mock.url}${c.path}`, {
      method: c.method,
      headers: { Authorization: `Bearer ${TOKEN}`, Accept: c.accept },
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(c.status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});
