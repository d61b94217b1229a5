import { operationIds, operations } from "@experience-users/spec";
import { describe, expect, it } from "vitest";
import { useMock } from "./support/mock.js";
import { callThroughClient, settledBody } from "./support/prism-client-calls.js";
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

describe("the static mock answers every documented status, and the client and validators agree", () => {
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
    },
  );
});
