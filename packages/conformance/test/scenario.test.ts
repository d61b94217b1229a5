import { document, type JsonValue, type OperationId, operations } from "@experience-users/spec";
import { requestValidators } from "@experience-users/validators";
import { describe, expect, it } from "vitest";
import { scenario } from "../src/scenario/scenario.js";
import { isSkip, type ScenarioContext } from "../src/scenario/step.js";
import { createTestIdentity } from "../src/scenario/test-identity.js";

const APPLICATION_ID = "575ec8687ae143cd83dc4a97";
const CREATED_ID = "6b0f2f1c3cb4483bc0f5e527";

function context(): ScenarioContext {
  const identity = createTestIdentity(new Date("2026-11-25T10:15:00.123Z"));
  return {
    applicationId: APPLICATION_ID,
    identity,
    currentEmail: identity.email,
    createdUserId: CREATED_ID,
    firstListedUserId: "575ed78e7ae143cd83dc4aab",
    passwordLastUpdated: "2026-11-25T10:15:00.000Z",
  };
}

/** Each step's request as the generated request validator of its operation sees it. */
const requests = scenario().map((step) => {
  const request = step.request(context());
  if (isSkip(request)) throw new Error(`${step.name} skips with a full context`);
  const value: Record<string, JsonValue> = {
    path: { applicationId: APPLICATION_ID, ...request.path },
  };
  if (request.query) value.query = { ...request.query };
  if (request.body !== undefined) value.body = request.body;
  return { step, value, description: step.name };
});

describe("the scenario", () => {
  it("lists with each query parameter of the operations table alone", () => {
    const queryParameters = operations.listExperienceUsers.parameters
      .filter((p) => p.in === "query")
      .map((p) => p.name);
    const alone = scenario()
      .filter((step) => step.operationId === "listExperienceUsers")
      .map((step) => step.request(context()))
      .flatMap((request) => (isSkip(request) ? [] : [Object.keys(request.query ?? {})]))
      .filter((names) => names.length === 1)
      .map(([name]) => name);
    expect(new Set(alone)).toEqual(new Set(queryParameters));
  });

  it("tries every value of a parameter's enum (sortField) and the spec's example of the others", () => {
    const names = scenario().map((step) => step.name);
    const sortFields = document.components.parameters?.sortField as { schema: { enum: string[] } };
    expect(sortFields.schema.enum.length).toBeGreaterThan(1);
    for (const field of sortFields.schema.enum) {
      expect(names).toContain(`list: sortField=${field}`);
    }
    expect(names).toContain("list: perPage=10");
    expect(names).toContain("list: experienceGroupId=none");
  });

  it("expects only statuses the spec documents for each operation", () => {
    for (const step of scenario()) {
      expect(operations[step.operationId].statuses, step.name).toContain(step.expectStatus);
    }
  });

  it("gives every step its own name", () => {
    const names = scenario().map((step) => step.name);
    expect(new Set(names).size).toBe(names.length);
  });

  const forbidden = ({ step }: (typeof requests)[number]) =>
    step.expectStatus === 400 && step.statusIsStateful !== true;

  it.each(requests.filter(forbidden))(
    "$description: sends a request the spec forbids",
    ({ step, value }) => {
      expect(requestValidators[step.operationId as OperationId].validate(value)).not.toEqual([]);
    },
  );

  it.each(requests.filter((request) => !forbidden(request)))(
    "$description: sends a request the spec allows (a refusal, if expected, comes from state)",
    ({ step, value }) => {
      expect(requestValidators[step.operationId as OperationId].validate(value)).toEqual([]);
    },
  );

  it("marks every user it creates (Conformance, an email unique to the run)", () => {
    const a = createTestIdentity(new Date("2026-11-25T10:15:00Z"));
    const b = createTestIdentity(new Date("2026-11-25T10:15:00Z"));
    expect(a.email).toMatch(/^conformance\+20261125t101500z-[0-9a-f]{12}@example\.com$/);
    expect(a.email).not.toBe(b.email);
    expect(a.password).not.toBe(b.password);
    const creates = requests.filter(({ step }) => step.operationId === "createExperienceUser");
    for (const { value } of creates) {
      expect((value.body as { email: string }).email).toMatch(/^conformance\+/);
    }
  });
});
