import { operationIds, operations } from "@experience-users/spec";
import { publishedIssues } from "@experience-users/test-support";
import { describe, expect, it } from "vitest";
import { useMock } from "./support/mock.js";
import { callThroughClient, settledBody } from "./support/prism-client-calls.js";
import { sendRaw } from "./support/prism-raw-requests.js";
import { responseIssues } from "./support/prism-response-checks.js";
import { exampleRequest, responseExamples } from "./support/prism-spec-examples.js";

const mock = useMock();

// Every operation x every documented status x every named example of that status, read from the
// operations table and the spec document; Prism is told which one to answer with `Prefer`.
const matrix = operationIds.flatMap((operationId) =>
  operations[operationId].statuses.flatMap((status) =>
    responseExamples(operationId, status).map((example) => ({
      operationId,
      status,
      example: example.name,
      value: example.value,
      success: status === operations[operationId].successStatus,
    })),
  ),
);

describe("the static mock answers every documented status, and the client, the validators and Losant's published schemas agree", () => {
  it("covers every documented status of every operation", () => {
    const covered = new Set(matrix.map((row) => `${row.operationId} ${row.status}`));
    const documented = operationIds.flatMap((id) =>
      operations[id].statuses.map((s) => `${id} ${s}`),
    );
    expect([...covered]).toEqual(documented);
  });

  it.each(matrix)(
    "$operationId answers $status with the '$example' example",
    async ({ operationId, status, example, value, success }) => {
      const answer = await callThroughClient(mock.url, operationId, exampleRequest(operationId), {
        Prefer: `code=${status}, example=${example}`,
      });
      expect(answer.status).toBe(status);
      expect(answer.settled).toEqual(
        success ? { kind: "value", body: value } : { kind: "ApiError", status, body: value },
      );
      expect(responseIssues(operationId, status, settledBody(answer.settled))).toEqual([]);
      expect(publishedIssues(operationId, status, settledBody(answer.settled))).toEqual([]);
    },
  );
});

describe("other ways to pick an answer pass the guard", () => {
  const request = exampleRequest("getExperienceUser");
  const [notFound] = responseExamples("getExperienceUser", 404);
  const [example] = responseExamples("getExperienceUser", 200);

  it("Prism's __code and __example query parameters pick a status and a named example", async () => {
    const answer = await sendRaw(mock.url, "getExperienceUser", {
      ...request,
      query: { __code: 404, __example: notFound?.name },
    });
    expect(answer).toMatchObject({ status: 404, body: notFound?.value });
  });

  it.each([
    { description: "Prefer: dynamic=true", query: {}, headers: { Prefer: "dynamic=true" } },
    { description: "__dynamic=true", query: { __dynamic: true }, headers: {} },
  ] as { description: string; query: Record<string, unknown>; headers: Record<string, string> }[])(
    "$description generates an answer in the static mock",
    async ({ query, headers }) => {
      const answers = await Promise.all(
        [1, 2, 3].map(() =>
          sendRaw(mock.url, "getExperienceUser", { ...request, query }, { headers }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(responseIssues("getExperienceUser", 200, answer.body)).toEqual([]);
        expect(publishedIssues("getExperienceUser", 200, answer.body)).toEqual([]);
        expect(answer.body).not.toEqual(example?.value);
      }
    },
  );
});
