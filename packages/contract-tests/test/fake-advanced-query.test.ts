import type { AdvancedExperienceUserQuery } from "@experience-users/client";
import { document } from "@experience-users/spec";
import { describe, expect, it } from "vitest";
import { type FakeUnderTest, useFakes } from "./support/fake-harness.js";

const TEAM = "5d0000000000000000000001";
const newFake = useFakes();

function seeded(): FakeUnderTest {
  const harness = newFake();
  const { fake, applicationId } = harness;
  fake.addGroup(applicationId, { id: TEAM, name: "Team" });
  fake.addUser(applicationId, {
    id: "5e0000000000000000000001",
    email: "ann@example.com",
    firstName: "Ann",
    creationDate: "2022-01-01T00:00:00.000Z",
    userTags: { tier: "gold" },
    experienceGroupIds: [TEAM],
  });
  fake.addUser(applicationId, {
    id: "5e0000000000000000000002",
    email: "bob@test.org",
    firstName: "Bob",
    creationDate: "2023-01-01T00:00:00.000Z",
  });
  return harness;
}

type Query = AdvancedExperienceUserQuery;

/** For each operator of the spec's query schemas: a query that finds Ann, and one that finds nobody. */
const byOperator: Record<string, { finds: Query; misses: Query }> = {
  $and: {
    finds: { $and: [{ firstName: "Ann" }, { email: { $endsWith: ".com" } }] },
    misses: { $and: [{ firstName: "Ann" }, { firstName: "Bob" }] },
  },
  $or: {
    finds: { $or: [{ firstName: "Ann" }, { firstName: "Zed" }] },
    misses: { $or: [{ firstName: "Zed" }, { firstName: "Yan" }] },
  },
  $nor: {
    finds: { $nor: [{ firstName: "Bob" }] },
    misses: { $nor: [{ email: { $contains: "@" } }] },
  },
  $eq: { finds: { firstName: { $eq: "Ann" } }, misses: { firstName: { $eq: "ANN" } } },
  $ne: { finds: { firstName: { $ne: "Bob" } }, misses: { lastLogin: { $ne: null } } },
  $gt: {
    finds: { creationDate: { $lt: "2022-06-01T00:00:00Z" }, firstName: { $gt: "A" } },
    misses: { creationDate: { $gt: "2024-01-01T00:00:00Z" } },
  },
  $lt: {
    finds: { creationDate: { $lt: Date.parse("2022-06-01T00:00:00Z") } },
    misses: { creationDate: { $lt: "2021-01-01T00:00:00Z" } },
  },
  $gte: {
    finds: { creationDate: { $gte: "2022-01-01T00:00:00Z" }, firstName: "Ann" },
    misses: { creationDate: { $gte: "2030-01-01T00:00:00Z" } },
  },
  $lte: {
    finds: { creationDate: { $lte: "2022-01-01T00:00:00Z" } },
    misses: { creationDate: { $lte: "2021-12-31T23:59:59.999Z" } },
  },
  $startsWith: {
    finds: { email: { $startsWith: "ann@" } },
    misses: { email: { $startsWith: "zed" } },
  },
  $endsWith: {
    finds: { email: { $endsWith: "example.com" } },
    misses: { email: { $endsWith: ".net" } },
  },
  $contains: { finds: { email: { $contains: "n@ex" } }, misses: { email: { $contains: "zz" } } },
  $ci: {
    finds: { firstName: { $eq: "aNN", $ci: true } },
    misses: { firstName: { $eq: "aNN", $ci: false } },
  },
  $in: { finds: { firstName: { $in: ["Ann", "Zed"] } }, misses: { firstName: { $in: ["Zed"] } } },
  $nin: {
    finds: { firstName: { $nin: ["Bob"] } },
    misses: { firstName: { $nin: ["Ann", "Bob"] } },
  },
  $tagKey: { finds: { userTags: { $tagKey: "tier" } }, misses: { userTags: { $tagKey: "phone" } } },
  $tagValue: {
    finds: { userTags: { $tagValue: { $in: ["gold"] } } },
    misses: { userTags: { $tagKey: "tier", $tagValue: "silver" } },
  },
};

const extra: { description: string; query: Query; expected: string[] }[] = [
  { description: "id equality", query: { id: "5E0000000000000000000001" }, expected: ["ann"] },
  {
    description: "id $in",
    query: { id: { $in: ["5e0000000000000000000002"] } },
    expected: ["bob"],
  },
  {
    description: "experienceGroupId membership",
    query: { experienceGroupId: TEAM },
    expected: ["ann"],
  },
  {
    description: "experienceGroupId null: in no group",
    query: { experienceGroupId: null },
    expected: ["bob"],
  },
  { description: "null: a missing field", query: { lastLogin: null }, expected: ["ann", "bob"] },
  { description: "userTags map", query: { userTags: { tier: "gold" } }, expected: ["ann"] },
  {
    description: "userTags map null: tag missing",
    query: { userTags: { tier: null } },
    expected: ["bob"],
  },
  {
    description: "userTags $ne",
    query: { userTags: { $ne: { tier: "gold" } } },
    expected: ["bob"],
  },
  { description: "userTags null: no tags", query: { userTags: null }, expected: ["bob"] },
  {
    description: "a toString tag nobody has",
    query: { userTags: { toString: "x" } },
    expected: [],
  },
  { description: "an empty $and", query: { $and: [] }, expected: ["ann", "bob"] },
  { description: "an empty $nor", query: { $nor: [] }, expected: [] },
];

function operatorsOfSpec(): string[] {
  const schemas = document.components.schemas ?? {};
  const keysOf = (name: string) =>
    Object.keys((schemas[name] as { properties?: object }).properties ?? {});
  const all = [
    "AdvancedExperienceUserQuery",
    "FieldOperators",
    "IdOperators",
    "TagKeyValueMatcher",
  ].flatMap(keysOf);
  return [...new Set(all.filter((key) => key.startsWith("$")))];
}

async function found({ client, applicationId }: FakeUnderTest, query: Query): Promise<string[]> {
  const page = await client.users.list({ applicationId, query });
  return (page.items ?? []).map((u) => u.email?.split("@")[0] as string);
}

describe("advanced queries through the client", () => {
  it.each(operatorsOfSpec())("%s: one query finds Ann, one finds nobody", async (operator) => {
    const pair = byOperator[operator];
    expect(pair, `no case for ${operator}`).toBeDefined();
    const harness = seeded();
    expect(await found(harness, pair?.finds ?? {})).toEqual(["ann"]);
    expect(await found(harness, pair?.misses ?? {})).toEqual([]);
  });

  it.each(extra)("$description", async ({ query, expected }) => {
    expect(await found(seeded(), query)).toEqual(expected);
  });

  it("answers a query that breaks the schema with every violation", async () => {
    const { client, applicationId } = seeded();
    const error = await client.users
      .list({ applicationId, query: { nickname: "x", id: { $eq: "nope", $ne: null } } as Query })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, body: { type: "Validation" } });
    const message = (error as { body: { message: string } }).body.message;
    expect(message).toContain('/query/query must NOT have additional properties ("nickname")');
    expect(message).toContain("/query/query/id");
  });
});
