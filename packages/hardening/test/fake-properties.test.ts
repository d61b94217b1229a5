import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { isJsonObject, type OperationId, operationIds, operations } from "@experience-users/spec";
import { publishedIssues } from "@experience-users/test-support";
import { requestValidators } from "@experience-users/validators";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  requestSchema,
  responseValidator,
  type TypedRequest,
  toHttp,
} from "./support/fake-requests.js";
import { arbitraryOf } from "./support/schema-arbitrary.js";

const RUNS = 60;

/** A fake with a few users, and the ids a generated request may point at. */
function seededFake() {
  const fake = createFakeServer({ validateResponses: true });
  const ids = Array.from(
    { length: 3 },
    (_, i) =>
      fake.addUser(EXAMPLE_APPLICATION_ID, { email: `seed${i}@example.com`, firstName: `Seed${i}` })
        .id as string,
  );
  return { fake, ids };
}

/**
 * A valid request of the operation; its path points at the seeded application and users half the
 * time. HTTP header values must be visible ASCII, which the schema does not say, so the
 * `losantdomain` header is a domain name.
 */
function allowedRequest(operationId: OperationId) {
  const validator = requestValidators[operationId];
  return fc
    .tuple(arbitraryOf(requestSchema(operationId), 2), fc.boolean(), fc.nat(2), fc.domain())
    .map(([generated, existing, pick, domain]) => {
      const request = generated as TypedRequest;
      if (request.header) request.header = { losantdomain: domain };
      return { request, existing, pick };
    })
    .filter(({ request }) => validator.is(request));
}

const cases = operationIds.map((operationId) => ({ operationId }));

describe("requests the spec allows", () => {
  it.each(cases)(
    "$operationId: a documented status, a body its validator and Losant's published schema accept, never a 5xx",
    async ({ operationId }) => {
      await fc.assert(
        fc.asyncProperty(allowedRequest(operationId), async ({ request, existing, pick }) => {
          const { fake, ids } = seededFake();
          if (existing) {
            request.path.applicationId = EXAMPLE_APPLICATION_ID;
            if ("experienceUserId" in request.path)
              request.path.experienceUserId = ids[pick] as string;
          }
          const response = await fake.fetch(toHttp(operationId, request, fake.token));
          const body = (await response.json()) as unknown;
          expect([...operations[operationId].statuses]).toContain(response.status);
          expect(response.status).toBeLessThan(500);
          expect(responseValidator(operationId, response.status)?.validate(body)).toEqual([]);
          expect(publishedIssues(operationId, response.status, body)).toEqual([]);
          if (response.status === 400)
            expect(body).toMatchObject({ type: expect.any(String), message: expect.any(String) });
          expect(fake.faults).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
  );
});

/** Ways to break one thing in a valid request; each says whether it applies to the request. */
const breakers: {
  name: string;
  apply: (request: TypedRequest, operationId: OperationId) => boolean;
}[] = [
  {
    name: "an id in the path that is not an id",
    apply: (r) => {
      r.path.applicationId = "not-an-id";
      return true;
    },
  },
  {
    name: "an unknown body property",
    apply: (r) => {
      if (!isJsonObject(r.body)) return false;
      r.body = { ...r.body, unknownProperty: 1 };
      return true;
    },
  },
  {
    name: "a body that is a JSON array",
    apply: (r) => {
      if (r.body === undefined) return false;
      r.body = [r.body];
      return true;
    },
  },
  {
    name: "a 7-character password",
    apply: (r) => {
      if (!isJsonObject(r.body)) return false;
      r.body = { ...r.body, password: "1234567" };
      return true;
    },
  },
  {
    name: "a perPage of 0",
    apply: (r, operationId) => {
      if (operationId !== "listExperienceUsers") return false;
      r.query = { ...r.query, perPage: 0 };
      return true;
    },
  },
  {
    name: "an advanced query with an unknown operator",
    apply: (r, operationId) => {
      if (operationId !== "listExperienceUsers") return false;
      r.query = { ...r.query, query: { firstName: { $regex: "^B" } } };
      return true;
    },
  },
];

describe("requests the spec forbids", () => {
  it.each(cases)(
    "$operationId: a 400 Error that names the violation, never a 5xx",
    async ({ operationId }) => {
      await fc.assert(
        fc.asyncProperty(
          allowedRequest(operationId),
          fc.constantFrom(...breakers),
          async ({ request }, breaker) => {
            const broken = structuredClone(request);
            fc.pre(breaker.apply(broken, operationId));
            const issues = requestValidators[operationId].validate(broken);
            fc.pre(issues.length > 0);
            const { fake } = seededFake();
            const response = await fake.fetch(toHttp(operationId, broken, fake.token));
            const body = (await response.json()) as { type?: string; message?: string };
            expect(response.status).toBe(400);
            expect(body.type).toBe("Validation");
            expect(publishedIssues(operationId, 400, body)).toEqual([]);
            expect(body.message).toContain(issues[0]?.instancePath || "/");
            expect(fake.faults).toEqual([]);
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
