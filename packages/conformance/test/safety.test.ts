import { describe, expect, it } from "vitest";
import { CreatedUsers } from "../src/cleanup/created-users.js";
import { Sender } from "../src/http/sender.js";
import { runConformance } from "../src/index.js";
import { runStep } from "../src/run-step.js";
import type { StepDefinition } from "../src/scenario/step.js";
import { createTestIdentity } from "../src/scenario/test-identity.js";
import { APPLICATION_ID, seededFake, storeSnapshot } from "./support/seeded-fake.js";

describe("safe on real data", () => {
  it.each([
    {
      description: "patch",
      operationId: "updateExperienceUser" as const,
      body: { lastName: "Changed" },
    },
    { description: "delete", operationId: "deleteExperienceUser" as const, body: undefined },
  ])(
    "refuses to $description a user the run did not create, and sends nothing",
    async ({ operationId, body }) => {
      const fake = seededFake();
      const before = storeSnapshot(fake);
      const existing = fake.store.users(APPLICATION_ID)[0]?.id as string;
      const sent: string[] = [];
      const step: StepDefinition = {
        name: `${operationId} someone else`,
        operationId,
        request: () => ({ path: { experienceUserId: existing }, ...(body ? { body } : {}) }),
        expectStatus: 200,
      };
      const identity = createTestIdentity();
      const result = await runStep(step, {
        baseUrl: fake.baseUrl,
        token: fake.token,
        sender: new Sender({
          fetch: (request) => {
            sent.push(`${request.method} ${request.url}`);
            return fake.fetch(request);
          },
          pace: 0,
          timeout: 5_000,
          rateLimitRetries: 0,
          maxRetryAfter: 0,
        }),
        users: new CreatedUsers(false),
        context: { applicationId: APPLICATION_ID, identity, currentEmail: identity.email },
        readOnly: false,
        stateless: false,
        secrets: [],
      });
      expect(result).toMatchObject({
        verdict: "fail",
        violations: [expect.objectContaining({ rule: "refused", received: existing })],
      });
      expect(sent).toEqual([]);
      expect(storeSnapshot(fake)).toBe(before);
    },
  );

  it("stopped by its signal after the create step, it deletes the user and reports the run interrupted", async () => {
    const fake = seededFake();
    const before = storeSnapshot(fake);
    const stop = new AbortController();
    const report = await runConformance({
      baseUrl: fake.baseUrl,
      token: fake.token,
      applicationId: APPLICATION_ID,
      fetch: fake.fetch,
      pace: 0,
      signal: stop.signal,
      onProgress: (event) => {
        if (event.type === "step-end" && event.result.name === "create: test user") stop.abort();
      },
    });
    expect(report.interrupted).toBe(true);
    expect(report.conforms).toBe(false);
    expect(report.steps.find((step) => step.name === "get: created user")).toMatchObject({
      verdict: "skip",
      skipReason: "interrupted",
    });
    expect(report.cleanup).toEqual([
      expect.objectContaining({ outcome: "deleted", email: report.testEmail }),
    ]);
    expect(storeSnapshot(fake)).toBe(before);
  });

  it("only takes a created id whose answer describes the user sent", () => {
    const users = new CreatedUsers(false);
    const answer = (body: object) => ({
      status: 201,
      headers: new Headers(),
      text: JSON.stringify(body),
      durationMs: 1,
      attempts: 1,
    });
    expect(
      users.observeCreate(
        "me@example.com",
        answer({ id: "a".repeat(24), email: "someone@example.com" }),
      ),
    ).toBeUndefined();
    expect(
      users.observeCreate(
        "me@example.com",
        answer({ id: "b".repeat(24), email: "ME@example.com" }),
      ),
    ).toBe("b".repeat(24));
    expect(users.owns("a".repeat(24))).toBe(false);
    expect(users.owns("B".repeat(24))).toBe(true);
    expect(users.others()).toEqual([{ id: "a".repeat(24), email: "someone@example.com" }]);
    const mock = new CreatedUsers(true);
    expect(
      mock.observeCreate(
        "me@example.com",
        answer({ id: "a".repeat(24), email: "someone@example.com" }),
      ),
    ).toBe("a".repeat(24));
  });
});
