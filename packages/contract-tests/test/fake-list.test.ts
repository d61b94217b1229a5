import type { ExperienceUser } from "@experience-users/client";
import { document } from "@experience-users/spec";
import { describe, expect, it } from "vitest";
import { type FakeUnderTest, useFakes } from "./support/fake-harness.js";

const ROOT = "5d0000000000000000000001";
const CHILD = "5d0000000000000000000002";
const GRANDCHILD = "5d0000000000000000000003";
const OTHER = "5d0000000000000000000004";
const id = (n: number) => `5e00000000000000000000${String(n).padStart(2, "0")}`;

const newFake = useFakes();

function seeded(): FakeUnderTest {
  const harness = newFake();
  const { fake, applicationId } = harness;
  fake.addGroup(applicationId, { id: ROOT, name: "Root" });
  fake.addGroup(applicationId, { id: CHILD, name: "Child", parentId: ROOT });
  fake.addGroup(applicationId, { id: GRANDCHILD, name: "Grandchild", parentId: CHILD });
  fake.addGroup(applicationId, { id: OTHER, name: "Other" });
  const users = [
    {
      id: id(7),
      email: "ann@example.com",
      firstName: "Ann",
      lastName: "Archer",
      lastLogin: "2024-03-01T00:00:00Z",
      experienceGroupIds: [ROOT],
    },
    {
      id: id(3),
      email: "bob@example.com",
      firstName: "Bob",
      lastName: "Baker",
      experienceGroupIds: [CHILD],
    },
    { id: id(5), email: "cy@test.org", firstName: "Cy", lastLogin: "2024-01-01T00:00:00Z" },
    {
      id: id(1),
      email: "dee@example.com",
      firstName: "Dee",
      lastName: "Archer",
      experienceGroupIds: [OTHER],
    },
    { id: id(6), email: "eve@test.org", lastName: "Evans", experienceGroupIds: [CHILD, OTHER] },
    { id: id(2), email: "fay@example.com", firstName: "fay", lastName: "Ford" },
    {
      id: id(4),
      email: "gus@example.com",
      firstName: "Gus",
      lastName: "Grant",
      experienceGroupIds: [GRANDCHILD],
    },
  ];
  for (const [i, user] of users.entries()) {
    fake.addUser(applicationId, {
      ...user,
      creationDate: new Date(Date.UTC(2023, 0, 10 - i)).toISOString(),
      lastUpdated: new Date(Date.UTC(2023, 5, 1 + ((i * 3) % 7))).toISOString(),
    });
  }
  return harness;
}

const local = (users: readonly ExperienceUser[]) => users.map((u) => u.email?.split("@")[0]);

/** The documented order: missing values first, ties by id, all reversed for desc. */
function expectedOrder(users: ExperienceUser[], field: string, direction: "asc" | "desc") {
  const key = (u: ExperienceUser) => (u as Record<string, unknown>)[field] as string | undefined;
  const sorted = [...users].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return x === undefined ? -1 : y === undefined ? 1 : x < y ? -1 : 1;
    return (a.id as string) < (b.id as string) ? -1 : 1;
  });
  return local(direction === "asc" ? sorted : sorted.reverse());
}

const parameter = (name: string) =>
  document.components.parameters?.[name] as { schema: { enum: string[] } };
const sortFields = parameter("sortField").schema.enum;

describe("list parameters, one at a time", () => {
  it("defaults: sorted by email ascending, page 0 of 100, with the echoes", async () => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({ applicationId });
    expect(local(page.items ?? [])).toEqual(["ann", "bob", "cy", "dee", "eve", "fay", "gus"]);
    expect(page).toMatchObject({
      count: 7,
      totalCount: 7,
      page: 0,
      perPage: 100,
      sortField: "email",
      sortDirection: "asc",
      applicationId,
    });
    expect(page).not.toHaveProperty("filter");
    expect(page).not.toHaveProperty("experienceGroupId");
  });

  it.each(
    sortFields.flatMap((field) => [
      { field, direction: "asc" as const },
      { field, direction: "desc" as const },
    ]),
  )("sortField=$field sortDirection=$direction", async ({ field, direction }) => {
    const { client, applicationId, fake } = seeded();
    const page = await client.users.list({
      applicationId,
      sortField: field as "email",
      sortDirection: direction,
    });
    expect(local(page.items ?? [])).toEqual(
      expectedOrder(fake.store.users(applicationId), field, direction),
    );
    expect(page).toMatchObject({ sortField: field, sortDirection: direction });
  });

  it("sortDirection alone", async () => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({ applicationId, sortDirection: "desc" });
    expect(local(page.items ?? [])).toEqual(["gus", "fay", "eve", "dee", "cy", "bob", "ann"]);
  });

  it("page alone (past the only page of 100)", async () => {
    const { client, applicationId } = seeded();
    expect(await client.users.list({ applicationId, page: 1 })).toMatchObject({
      items: [],
      count: 0,
      totalCount: 7,
      page: 1,
    });
  });

  it("perPage alone", async () => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({ applicationId, perPage: 2 });
    expect(local(page.items ?? [])).toEqual(["ann", "bob"]);
    expect(page).toMatchObject({ count: 2, totalCount: 7, perPage: 2 });
  });

  it.each([
    {
      filterField: "email" as const,
      filter: "*@EXAMPLE.com",
      expected: ["ann", "bob", "dee", "fay", "gus"],
    },
    { filterField: "email" as const, filter: "??@test.org", expected: ["cy"] },
    { filterField: "firstName" as const, filter: "f*", expected: ["fay"] },
    { filterField: "lastName" as const, filter: "*er", expected: ["ann", "bob", "dee"] },
    { filterField: "lastName" as const, filter: "Archer", expected: ["ann", "dee"] },
    {
      filterField: "firstName" as const,
      filter: "*",
      expected: ["ann", "bob", "cy", "dee", "fay", "gus"],
    },
  ])("filterField=$filterField filter=$filter", async ({ filterField, filter, expected }) => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({ applicationId, filterField, filter });
    expect(local(page.items ?? [])).toEqual(expected);
    expect(page).toMatchObject({ filterField, filter, totalCount: expected.length });
  });

  it.each([
    { description: "filter without filterField", query: { filter: "ann*" } },
    { description: "filterField without filter", query: { filterField: "email" as const } },
    { description: "blank filterField", query: { filterField: "" as const, filter: "ann*" } },
  ])("$description does not filter", async ({ query }) => {
    const { client, applicationId } = seeded();
    expect((await client.users.list({ applicationId, ...query })).totalCount).toBe(7);
  });

  it.each([
    { experienceGroupId: CHILD, expected: ["bob", "eve"], echoed: true },
    { experienceGroupId: "any", expected: ["ann", "bob", "dee", "eve", "gus"], echoed: false },
    { experienceGroupId: "none", expected: ["cy", "fay"], echoed: false },
    { experienceGroupId: "5d00000000000000000000ff", expected: [], echoed: true },
  ])("experienceGroupId=$experienceGroupId", async ({ experienceGroupId, expected, echoed }) => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({ applicationId, experienceGroupId });
    expect(local(page.items ?? [])).toEqual(expected);
    expect("experienceGroupId" in page).toBe(echoed);
  });

  it("includeAncestorGroups adds the members of the group's ancestors", async () => {
    const { client, applicationId } = seeded();
    const list = (includeAncestorGroups: string) =>
      client.users
        .list({ applicationId, experienceGroupId: GRANDCHILD, includeAncestorGroups })
        .then((p) => local(p.items ?? []));
    expect(await list("false")).toEqual(["gus"]);
    expect(await list("true")).toEqual(["ann", "bob", "eve", "gus"]);
  });

  it("includeAncestorGroups alone changes nothing", async () => {
    const { client, applicationId } = seeded();
    expect(
      (await client.users.list({ applicationId, includeAncestorGroups: "true" })).totalCount,
    ).toBe(7);
  });

  it("query alone", async () => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({ applicationId, query: { lastName: "Archer" } });
    expect(local(page.items ?? [])).toEqual(["ann", "dee"]);
  });
});

describe("list parameters combined", () => {
  it("sort, direction, glob filter, group and paging together", async () => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({
      applicationId,
      sortField: "firstName",
      sortDirection: "desc",
      filterField: "email",
      filter: "*.com",
      experienceGroupId: "any",
      perPage: 2,
      page: 1,
    });
    expect(local(page.items ?? [])).toEqual(["bob", "ann"]);
    expect(page).toMatchObject({
      count: 2,
      totalCount: 4,
      page: 1,
      perPage: 2,
      sortField: "firstName",
      sortDirection: "desc",
      filterField: "email",
      filter: "*.com",
    });
  });

  it("query overrides the glob and group filters, but not sorting or paging", async () => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({
      applicationId,
      query: { $or: [{ lastName: "Archer" }, { firstName: { $eq: "FAY", $ci: true } }] },
      filterField: "email",
      filter: "nobody*",
      experienceGroupId: "none",
      sortField: "lastName",
      sortDirection: "desc",
      perPage: 2,
    });
    expect(local(page.items ?? [])).toEqual(["fay", "ann"]);
    expect(page.totalCount).toBe(3);
  });

  it("a group with its ancestors and a glob filter", async () => {
    const { client, applicationId } = seeded();
    const page = await client.users.list({
      applicationId,
      experienceGroupId: GRANDCHILD,
      includeAncestorGroups: "true",
      filterField: "lastName",
      filter: "*N*",
    });
    expect(local(page.items ?? [])).toEqual(["eve", "gus"]);
  });
});

describe("paging", () => {
  it("walks 3 pages without gaps or repeats, each with the total", async () => {
    const { client, applicationId } = seeded();
    const pages = await Promise.all(
      [0, 1, 2, 3].map((page) =>
        client.users.list({ applicationId, perPage: 3, page, sortField: "creationDate" }),
      ),
    );
    expect(pages.map((p) => p.count)).toEqual([3, 3, 1, 0]);
    expect(pages.map((p) => p.totalCount)).toEqual([7, 7, 7, 7]);
    expect(pages.flatMap((p) => local(p.items ?? []))).toEqual([
      "gus",
      "fay",
      "eve",
      "dee",
      "cy",
      "bob",
      "ann",
    ]);
  });

  it("pages a filtered list the same way", async () => {
    const { client, applicationId } = seeded();
    const walk = async (page: number) =>
      local(
        (
          await client.users.list({
            applicationId,
            filterField: "email",
            filter: "*.com",
            perPage: 2,
            page,
          })
        ).items ?? [],
      );
    expect([await walk(0), await walk(1), await walk(2)]).toEqual([
      ["ann", "bob"],
      ["dee", "fay"],
      ["gus"],
    ]);
  });
});
