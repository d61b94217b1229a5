import { operationIds, operations } from "@experience-users/spec";
import { publishedIssues } from "@experience-users/test-support";
import { formatIssues } from "@experience-users/validators";
import { describe, expect, it } from "vitest";
import { useMock } from "./support/mock.js";
import { callThroughClient, settledBody } from "./support/prism-client-calls.js";
import { responseIssues } from "./support/prism-response-checks.js";
import { exampleRequest } from "./support/prism-spec-examples.js";

const mock = useMock({ dynamic: true });

/** Generated answers per operation and status. */
const SAMPLES = 50;
/** Requests in flight at once. */
const CONCURRENCY = 10;

const matrix = operationIds.flatMap((operationId) =>
  operations[operationId].statuses.map((status) => ({ operationId, status })),
);

describe(`dynamic mode: ${SAMPLES} generated answers per operation and status pass the validators and Losant's published schema`, () => {
  it.each(matrix)("$operationId $status", async ({ operationId, status }) => {
    const answers = [];
    for (let sent = 0; sent < SAMPLES; sent += CONCURRENCY) {
      const batch = Array.from({ length: Math.min(CONCURRENCY, SAMPLES - sent) }, () =>
        callThroughClient(mock.url, operationId, exampleRequest(operationId), {
          Prefer: `code=${status}`,
        }),
      );
      answers.push(...(await Promise.all(batch)));
    }
    const bodies = answers.map((answer) => settledBody(answer.settled));
    const rejected = bodies
      .map((body) => ({ body, issues: responseIssues(operationId, status, body) }))
      .filter(({ issues }) => issues.length > 0)
      .map(({ body, issues }) => `${formatIssues(issues)} in ${JSON.stringify(body)}`);

    expect(answers.map((answer) => answer.status)).toEqual(Array(SAMPLES).fill(status));
    expect(rejected, mock.output()).toEqual([]);
    const refused = bodies
      .map((body) => ({ body, issues: publishedIssues(operationId, status, body) }))
      .filter(({ issues }) => issues.length > 0)
      .map(({ body, issues }) => `${JSON.stringify(issues)} in ${JSON.stringify(body)}`);
    expect(refused).toEqual([]);
    // The answers really are generated: not one fixed example served fifty times.
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBeGreaterThan(1);
  });
});
