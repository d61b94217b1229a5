import { operationIds, operations } from "@experience-users/spec";
import { describe, expect, it } from "vitest";
import {
  apiError,
  callOperation,
  type FakeUnderTest,
  scopesOtherThan,
  useFakes,
} from "./support/fake-harness.js";

const UNKNOWN = "5f00000000000000000000ff";
const newFake = useFakes();

function withUser(): FakeUnderTest & { userId: string } {
  const harness = newFake();
  const user = harness.fake.addUser(harness.applicationId, {
    email: "ann@example.com",
    password: "password-1",
  });
  return { ...harness, userId: user.id as string };
}

const userOperations = operationIds.filter((id) =>
  operations[id].path.includes("{experienceUserId}"),
);

describe.each(operationIds)("%s", (operationId) => {
  const call = callOperation[operationId];

  it("401 without a valid token", async () => {
    const { as, applicationId, userId } = withUser();
    const error = await apiError(call(as("not-a-token"), applicationId, userId));
    expect(error.status).toBe(401);
    expect(error.body).toEqual({ type: "Unauthorized", message: "Authorization failed" });
  });

  it("403 with a token that has every scope but the accepted ones", async () => {
    const { fake, as, applicationId, userId } = withUser();
    fake.addToken("others", scopesOtherThan(operationId));
    const error = await apiError(call(as("others"), applicationId, userId));
    expect(error.status).toBe(403);
    expect(error.body).toEqual({
      type: "Forbidden",
      message: "Token does not have access to this resource",
    });
  });

  it("404 for an unknown application", async () => {
    const { client, userId } = withUser();
    const error = await apiError(call(client.users, UNKNOWN, userId));
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ type: "NotFound", message: "Application was not found" });
  });

  it("400 for a malformed id, before anything is looked up", async () => {
    const { client } = withUser();
    const error = await apiError(call(client.users, "not-an-id", "also-not-an-id"));
    expect(error.status).toBe(400);
    expect(error.body?.type).toBe("Validation");
    expect(error.body?.message).toContain("/path/applicationId must match pattern");
  });
});

describe.each(userOperations)("%s on an unknown user", (operationId) => {
  it("404 with the spec's message", async () => {
    const { client, applicationId } = withUser();
    const error = await apiError(callOperation[operationId](client.users, applicationId, UNKNOWN));
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ type: "NotFound", message: "Experience user was not found" });
  });
});

describe("400 answers", () => {
  it("create: every violation of the body listed", async () => {
    const { client, applicationId } = withUser();
    const error = await apiError(
      client.users.create(
        { applicationId },
        { email: "nope", password: "short", userTags: { "bad key": "x" } },
      ),
    );
    expect(error.status).toBe(400);
    expect(error.body?.type).toBe("Validation");
    for (const part of [
      '/body/email must match format "email"',
      "/body/password must NOT have fewer than 8 characters",
      "/body/userTags must NOT have additional properties",
    ]) {
      expect(error.body?.message).toContain(part);
    }
  });

  it("create: a taken email or an unknown group", async () => {
    const { client, applicationId } = withUser();
    expect(
      (
        await apiError(
          client.users.create(
            { applicationId },
            { email: "Ann@Example.com", password: "password-1" },
          ),
        )
      ).status,
    ).toBe(400);
    const group = await apiError(
      client.users.create(
        { applicationId },
        { email: "b@example.com", password: "password-1", experienceGroupIds: [UNKNOWN] },
      ),
    );
    expect(group.status).toBe(400);
    expect(group.body?.message).toContain(UNKNOWN);
  });

  it("update: an invalid body, a taken email, an unknown group", async () => {
    const { client, fake, applicationId, userId } = withUser();
    fake.addUser(applicationId, { email: "bob@example.com" });
    const ids = { applicationId, experienceUserId: userId };
    expect((await apiError(client.users.update(ids, { password: "short" }))).body?.message).toBe(
      "/body/password must NOT have fewer than 8 characters",
    );
    expect((await apiError(client.users.update(ids, { email: "BOB@example.com" }))).status).toBe(
      400,
    );
    expect(
      (await apiError(client.users.update(ids, { experienceGroupIds: [UNKNOWN] }))).status,
    ).toBe(400);
    expect((await client.users.get(ids)).email).toBe("ann@example.com");
  });

  it("list: parameters outside the spec", async () => {
    const { client, applicationId } = withUser();
    const error = await apiError(client.users.list({ applicationId, perPage: 1001, page: -1 }));
    expect(error.body?.message).toBe("/query/page must be >= 0; /query/perPage must be <= 1000");
  });
});
