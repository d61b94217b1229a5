import { type OperationId, operationIds, operations } from "@experience-users/spec";
import { callFake, trackedFakes } from "@experience-users/test-support";
import { describe, expect, it } from "vitest";
import { authenticate } from "../src/http/authenticate.js";
import { DEV_TOKEN, EXAMPLE_APPLICATION_ID } from "../src/index.js";
import { Problem } from "../src/problem.js";
import { TokenRegistry } from "../src/store/token-registry.js";
import { fakesOver, transports } from "./support/transports.js";

const USERS = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const UNKNOWN_APP = "/applications/5a00000000000000000000ff/experience/users";

function status(action: () => void): number | "ok" {
  try {
    action();
    return "ok";
  } catch (error) {
    if (error instanceof Problem) return error.status;
    throw error;
  }
}

describe("authenticate", () => {
  const tokens = new TokenRegistry();
  tokens.add("reader", ["all.Application.read"]);
  tokens.add("nothing", []);
  const scopes = operations.getExperienceUser.scopes;

  it.each([
    { description: "no header", header: undefined, expected: 401 },
    { description: "another scheme", header: "Basic cmVhZGVy", expected: 401 },
    { description: "a scheme without token", header: "Bearer", expected: 401 },
    { description: "an unknown token", header: "Bearer stranger", expected: 401 },
    { description: "extra words", header: "Bearer reader extra", expected: 401 },
    { description: "a token without scopes", header: "Bearer nothing", expected: 403 },
    { description: "a token with an accepted scope", header: "Bearer reader", expected: "ok" },
    { description: "the scheme in any case", header: "bearer   reader ", expected: "ok" },
  ])("$description: $expected", ({ header, expected }) => {
    expect(status(() => authenticate(header, scopes, tokens))).toBe(expected);
  });

  const pairs = operationIds.flatMap((id: OperationId) =>
    operations[id].scopes.map((scope) => ({ id, scope })),
  );
  it.each(pairs)("$id accepts a token with only $scope", ({ id, scope }) => {
    const only = new TokenRegistry();
    only.add("t", [scope]);
    expect(status(() => authenticate("Bearer t", operations[id].scopes, only))).toBe("ok");
  });

  it("refuses a scope that only another operation accepts", () => {
    const only = new TokenRegistry();
    only.add("t", ["experienceUsers.get"]);
    expect(status(() => authenticate("Bearer t", operations.getExperienceUser.scopes, only))).toBe(
      403,
    );
  });
});

describe.each(transports)("auth $name", ({ transport }) => {
  const fake = trackedFakes(fakesOver(transport));

  it("answers 401 and 403 with the spec's Error examples", async () => {
    const f = fake();
    f.addToken("no-scope", []);
    expect(await callFake(f, "GET", USERS, { token: null })).toMatchObject({
      status: 401,
      body: { type: "Unauthorized", message: "Authorization failed" },
    });
    expect(await callFake(f, "GET", USERS, { token: "no-scope" })).toMatchObject({
      status: 403,
      body: { type: "Forbidden", message: "Token does not have access to this resource" },
    });
  });

  it("authenticates before validating and before looking anything up", async () => {
    const f = fake();
    f.addToken("reader", ["experienceUsers.get"]);
    expect(
      (await callFake(f, "POST", USERS, { token: null, json: { email: "nope" } })).status,
    ).toBe(401);
    expect(
      (await callFake(f, "POST", USERS, { token: "reader", json: { email: "nope" } })).status,
    ).toBe(403);
    expect((await callFake(f, "POST", USERS, { token: "reader", body: "{not json" })).status).toBe(
      403,
    );
    expect((await callFake(f, "GET", UNKNOWN_APP, { token: null })).status).toBe(401);
    expect((await callFake(f, "GET", `${USERS}/not-an-id`, { token: "reader" })).status).toBe(403);
    expect((await callFake(f, "GET", UNKNOWN_APP, { token: "reader" })).status).toBe(404);
  });

  it("a read-only token lists but cannot create", async () => {
    const f = fake();
    f.addToken("read", ["all.Application.read"]);
    expect((await callFake(f, "GET", USERS, { token: "read" })).status).toBe(200);
    expect(
      (
        await callFake(f, "POST", USERS, {
          token: "read",
          json: { email: "a@b.co", password: "password-1" },
        })
      ).status,
    ).toBe(403);
  });

  it("can do without the dev token", async () => {
    const f = fake({
      fixture: {
        devToken: false,
        applications: [{ id: EXAMPLE_APPLICATION_ID }],
        tokens: [{ token: "mine", scopes: ["all.User"] }],
      },
    });
    expect((await callFake(f, "GET", USERS, { token: DEV_TOKEN })).status).toBe(401);
    expect((await callFake(f, "GET", USERS, { token: "mine" })).status).toBe(200);
  });
});
