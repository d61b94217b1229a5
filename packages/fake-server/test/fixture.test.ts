import { readFileSync } from "node:fs";
import { callFake, trackedFakes } from "@experience-users/test-support";
import { describe, expect, it } from "vitest";
import {
  createFakeServer,
  DEV_TOKEN,
  EXAMPLE_APPLICATION_ID,
  type FakeFixture,
  FixtureError,
  parseFixture,
} from "../src/index.js";

const example = JSON.parse(
  readFileSync(new URL("../fixtures/example.json", import.meta.url), "utf8"),
);
const USERS = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const fake = trackedFakes(createFakeServer);

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof FixtureError) return error.problems;
    throw error;
  }
  throw new Error("expected a FixtureError");
}

describe("fixtures/example.json", () => {
  it("loads: groups with parents, users with and without passwords, tokens", async () => {
    const f = fake({ fixture: example });
    expect(f.store.groups(EXAMPLE_APPLICATION_ID).map((g) => [g.name, g.parentId])).toEqual([
      ["Customers", null],
      ["Acme Corp", "5d0000000000000000000001"],
      ["Acme Admins", "5d0000000000000000000002"],
      ["Staff", null],
    ]);
    const users = f.store.users(EXAMPLE_APPLICATION_ID);
    expect(users.map((u) => u.email)).toEqual([
      "experienceuser@example.com",
      "wile.e@acme.example",
      "road.runner@acme.example",
      "no.groups@example.com",
    ]);
    expect(users[0]).toMatchObject({
      id: "58b9d782cbfafe1be675744d",
      lastLogin: "2016-06-13T04:00:00.000Z",
    });
    expect(
      await f.store.verifyPassword(
        EXAMPLE_APPLICATION_ID,
        users[1]?.id as string,
        "beep-beep-beep",
      ),
    ).toBe(true);
    expect((await callFake(f, "GET", USERS, { token: "read-only-token" })).status).toBe(200);
    expect((await callFake(f, "GET", USERS, { token: "no-scope-token" })).status).toBe(403);
    expect((await callFake(f, "GET", USERS, { token: DEV_TOKEN })).status).toBe(200);
    const admins = await callFake(
      f,
      "GET",
      `${USERS}?experienceGroupId=5d0000000000000000000003&includeAncestorGroups=true`,
    );
    expect((admins.body as { items: { email: string }[] }).items.map((u) => u.email)).toEqual([
      "road.runner@acme.example",
      "wile.e@acme.example",
    ]);
  });

  it("is what reset returns to", async () => {
    const f = fake({ fixture: example });
    await callFake(f, "DELETE", `${USERS}/58b9d782cbfafe1be675744d`);
    f.reset();
    expect(f.store.users(EXAMPLE_APPLICATION_ID)).toHaveLength(4);
  });
});

describe("parseFixture", () => {
  it("lists every problem of shape and schema at once", () => {
    const problems = problemsOf(() =>
      parseFixture({
        applications: [
          {
            id: "nope",
            extra: true,
            groups: [{ name: "" }],
            users: [
              { email: "not-an-email", password: "short", creationDate: "yesterday" },
              { firstName: "No email" },
              7,
            ],
          },
        ],
        tokens: [{ token: "has space", scopes: ["all.Everything"] }],
        devToken: "yes",
      }),
    );
    expect(problems.map((p) => p.replace(/: all\..*$/, ": ..."))).toEqual([
      '/applications/0 has an unknown property "extra"',
      "/applications/0/id must be a 24-hex id",
      "/applications/0/groups/0 must have required property 'id'",
      "/applications/0/groups/0/name must NOT have fewer than 1 characters",
      '/applications/0/users/0/creationDate must match format "date-time"',
      '/applications/0/users/0/email must match format "email"',
      "/applications/0/users/0/password must NOT have fewer than 8 characters",
      "/applications/0/users/1 must have required property 'email'",
      "/applications/0/users/2 must be an object",
      "/tokens/0/token must be a non-empty string without white space",
      "/tokens/0/scopes/0 must be one of the spec's scopes: ...",
      "/devToken must be a boolean",
    ]);
  });

  it("refuses what is not an object", () => {
    expect(problemsOf(() => parseFixture([]))).toEqual(["/ must be an object"]);
  });
});

describe("loading a fixture", () => {
  const app = (users: unknown[], groups: unknown[] = []) =>
    ({ applications: [{ id: EXAMPLE_APPLICATION_ID, groups, users }] }) as FakeFixture;

  it("refuses duplicate emails (in any case), unknown groups and broken parent links", () => {
    const problems = problemsOf(() =>
      createFakeServer({
        fixture: app(
          [
            { email: "a@b.co" },
            { email: "A@B.CO" },
            { email: "c@b.co", experienceGroupIds: ["6a00000000000000000000ff"] },
          ],
          [
            {
              id: "6a0000000000000000000001",
              name: "Loop A",
              parentId: "6a0000000000000000000002",
            },
            {
              id: "6a0000000000000000000002",
              name: "Loop B",
              parentId: "6a0000000000000000000001",
            },
            {
              id: "6a0000000000000000000003",
              name: "Orphan",
              parentId: "6a0000000000000000000009",
            },
          ],
        ),
      }),
    );
    expect(problems).toEqual([
      "/applications/0/groups/0 parent group 6a0000000000000000000002 of group 6a0000000000000000000001 does not exist",
      "/applications/0/groups/1 parent group 6a0000000000000000000001 of group 6a0000000000000000000002 does not exist",
      "/applications/0/groups/2 parent group 6a0000000000000000000009 of group 6a0000000000000000000003 does not exist",
      "/applications/0/users/1 An experience user with this email already exists in the application",
      "/applications/0/users/2 experienceGroupIds: no experience group 6a00000000000000000000ff in the application",
    ]);
  });

  it("accepts children listed before their parents", () => {
    const f = fake({
      fixture: app(
        [{ email: "a@b.co", experienceGroupIds: ["6a0000000000000000000002"] }],
        [
          { id: "6a0000000000000000000002", name: "Child", parentId: "6a0000000000000000000001" },
          { id: "6a0000000000000000000001", name: "Parent" },
        ],
      ),
    });
    expect(f.store.groups(EXAMPLE_APPLICATION_ID).map((g) => g.name)).toEqual(["Parent", "Child"]);
  });

  it("checks users added directly the same way", () => {
    const f = fake();
    expect(problemsOf(() => f.addUser(EXAMPLE_APPLICATION_ID, { email: "nope" }))).toEqual([
      '/email must match format "email"',
    ]);
    expect(f.addUser(EXAMPLE_APPLICATION_ID, { email: "ok@b.co" }).email).toBe("ok@b.co");
  });
});
