import { type AdvancedExperienceUserQuery, document } from "@experience-users/spec";
import { schemaValidators } from "@experience-users/validators";
import { describe, expect, it } from "vitest";
import { compileQuery } from "../src/list/query/compile-query.js";
import { storedUsers } from "./support/stored-users.js";

const G1 = "6a0000000000000000000001";
const G2 = "6a0000000000000000000002";
const ANN = "7a0000000000000000000001";
const BOB = "7a0000000000000000000002";
const CY = "7a0000000000000000000003";

const { records } = storedUsers(
  [
    {
      id: ANN,
      email: "ann@example.com",
      firstName: "Ann",
      lastName: "Archer",
      password: "ann-password",
      creationDate: "2020-01-01T00:00:00.000Z",
      lastLogin: "2021-06-01T00:00:00.000Z",
      userTags: { tier: "gold", toString: "yes" },
      experienceGroupIds: [G1],
    },
    {
      id: BOB,
      email: "bob@example.com",
      firstName: "bob",
      lastName: "Baker",
      creationDate: "2021-01-01T00:00:00.000Z",
      userTags: { tier: "basic" },
      experienceGroupIds: [G2],
    },
    {
      id: CY,
      email: "cy@test.org",
      creationDate: "2022-01-01T00:00:00.000Z",
      lastLogin: "2022-02-01T00:00:00.000Z",
    },
  ],
  [
    { id: G1, name: "Parent" },
    { id: G2, name: "Child", parentId: G1 },
  ],
);

interface Case {
  description: string;
  query: unknown;
  matches: string[];
}

const time = (text: string) => Date.parse(text);

const cases: Case[] = [
  {
    description: "a plain value is equality (match)",
    query: { lastName: "Baker" },
    matches: ["bob"],
  },
  {
    description: "a plain value is equality (no match)",
    query: { lastName: "baker" },
    matches: [],
  },
  { description: "null means missing", query: { firstName: null }, matches: ["cy"] },
  { description: "$eq matches", query: { firstName: { $eq: "Ann" } }, matches: ["ann"] },
  { description: "$eq is case-sensitive", query: { firstName: { $eq: "ann" } }, matches: [] },
  {
    description: "$eq of another type never matches",
    query: { firstName: { $eq: 5 } },
    matches: [],
  },
  {
    description: "$ne matches others and missing",
    query: { firstName: { $ne: "Ann" } },
    matches: ["bob", "cy"],
  },
  {
    description: "$ne null matches present values",
    query: { firstName: { $ne: null } },
    matches: ["ann", "bob"],
  },
  {
    description: "$gt matches later dates",
    query: { creationDate: { $gt: "2020-06-01T00:00:00Z" } },
    matches: ["bob", "cy"],
  },
  {
    description: "$gt matches nothing later",
    query: { creationDate: { $gt: "2030-01-01T00:00:00Z" } },
    matches: [],
  },
  {
    description: "$gte takes epoch milliseconds",
    query: { creationDate: { $gte: time("2021-01-01T00:00:00Z") } },
    matches: ["bob", "cy"],
  },
  {
    description: "$gte excludes earlier",
    query: { creationDate: { $gte: time("2022-06-01T00:00:00Z") } },
    matches: [],
  },
  {
    description: "$lt matches earlier dates",
    query: { lastLogin: { $lt: "2022-01-01T00:00:00Z" } },
    matches: ["ann"],
  },
  {
    description: "$lt never matches a missing date",
    query: { lastLogin: { $lt: "1990-01-01T00:00:00Z" } },
    matches: [],
  },
  {
    description: "$lte includes the same instant",
    query: { creationDate: { $lte: "2020-01-01T01:00:00+01:00" } },
    matches: ["ann"],
  },
  {
    description: "$lte excludes later",
    query: { creationDate: { $lte: "2019-12-31T23:59:59Z" } },
    matches: [],
  },
  { description: "$gt compares strings", query: { lastName: { $gt: "Axe" } }, matches: ["bob"] },
  {
    description: "$gt compares strings (nothing after Zz)",
    query: { lastName: { $gt: "Zz" } },
    matches: [],
  },
  {
    description: "$gte null matches missing",
    query: { lastLogin: { $gte: null } },
    matches: ["bob"],
  },
  { description: "$gt null matches nothing", query: { lastLogin: { $gt: null } }, matches: [] },
  {
    description: "$startsWith matches",
    query: { email: { $startsWith: "ann@" } },
    matches: ["ann"],
  },
  {
    description: "$startsWith does not match",
    query: { email: { $startsWith: "zz" } },
    matches: [],
  },
  {
    description: "$startsWith on a date uses its ISO text",
    query: { creationDate: { $startsWith: "2021-" } },
    matches: ["bob"],
  },
  { description: "$endsWith matches", query: { email: { $endsWith: ".org" } }, matches: ["cy"] },
  { description: "$endsWith does not match", query: { email: { $endsWith: ".net" } }, matches: [] },
  { description: "$contains matches", query: { lastName: { $contains: "ak" } }, matches: ["bob"] },
  {
    description: "$contains does not match",
    query: { lastName: { $contains: "zz" } },
    matches: [],
  },
  {
    description: "$ci makes $eq case-insensitive",
    query: { firstName: { $eq: "BOB", $ci: true } },
    matches: ["bob"],
  },
  {
    description: "$ci false keeps it case-sensitive",
    query: { firstName: { $eq: "BOB", $ci: false } },
    matches: [],
  },
  {
    description: "$ci applies to $contains",
    query: { email: { $contains: "EXAMPLE", $ci: true } },
    matches: ["ann", "bob"],
  },
  {
    description: "$ci applies to $in",
    query: { firstName: { $in: ["ANN"], $ci: true } },
    matches: ["ann"],
  },
  {
    description: "$in matches any listed value",
    query: { firstName: { $in: ["Ann", "bob"] } },
    matches: ["ann", "bob"],
  },
  { description: "$in matches none", query: { firstName: { $in: ["zed"] } }, matches: [] },
  {
    description: "$nin matches the others and missing",
    query: { firstName: { $nin: ["Ann"] } },
    matches: ["bob", "cy"],
  },
  {
    description: "$nin excludes all listed",
    query: { email: { $nin: ["ann@example.com", "bob@example.com", "cy@test.org"] } },
    matches: [],
  },
  {
    description: "several operators must all hold",
    query: { creationDate: { $gt: "2020-06-01T00:00:00Z", $lt: "2021-06-01T00:00:00Z" } },
    matches: ["bob"],
  },
  {
    description: "an empty operator object matches everything",
    query: { firstName: {} },
    matches: ["ann", "bob", "cy"],
  },
  {
    description: "several fields must all hold",
    query: { firstName: "Ann", lastName: "Baker" },
    matches: [],
  },
  {
    description: "passwordLastUpdated is set with a password",
    query: { passwordLastUpdated: { $ne: null } },
    matches: ["ann"],
  },
  {
    description: "$and matches when every part does",
    query: { $and: [{ email: { $endsWith: ".com" } }, { lastName: "Archer" }] },
    matches: ["ann"],
  },
  {
    description: "$and fails when one part does",
    query: { $and: [{ lastName: "Archer" }, { lastName: "Baker" }] },
    matches: [],
  },
  {
    description: "$or matches when some part does",
    query: { $or: [{ lastName: "Archer" }, { lastName: "Baker" }] },
    matches: ["ann", "bob"],
  },
  {
    description: "$or fails when no part does",
    query: { $or: [{ lastName: "X" }, { lastName: "Y" }] },
    matches: [],
  },
  {
    description: "$nor matches when no part does",
    query: { $nor: [{ lastName: "Archer" }, { lastName: "Baker" }] },
    matches: ["cy"],
  },
  {
    description: "$nor fails when a part does",
    query: { $nor: [{ email: { $contains: "@" } }] },
    matches: [],
  },
  {
    description: "an empty $and matches everything",
    query: { $and: [] },
    matches: ["ann", "bob", "cy"],
  },
  {
    description: "an empty $or matches everything",
    query: { $or: [] },
    matches: ["ann", "bob", "cy"],
  },
  { description: "an empty $nor matches nothing", query: { $nor: [] }, matches: [] },
  {
    description: "nested combinators",
    query: {
      $or: [
        { $and: [{ firstName: "Ann" }, { lastName: "Archer" }] },
        { $nor: [{ email: { $endsWith: ".com" } }] },
      ],
    },
    matches: ["ann", "cy"],
  },
  {
    description: "id equality ignores hex case",
    query: { id: ANN.toUpperCase() },
    matches: ["ann"],
  },
  {
    description: "id equality with another id",
    query: { id: "7a00000000000000000000ff" },
    matches: [],
  },
  { description: "id $in", query: { id: { $in: [ANN, CY] } }, matches: ["ann", "cy"] },
  { description: "id $nin", query: { id: { $nin: [ANN, BOB] } }, matches: ["cy"] },
  { description: "id $gt", query: { id: { $gt: ANN } }, matches: ["bob", "cy"] },
  { description: "id $lte", query: { id: { $lte: ANN } }, matches: ["ann"] },
  { description: "id null matches nothing", query: { id: null }, matches: [] },
  {
    description: "experienceGroupId: members of the group",
    query: { experienceGroupId: G1 },
    matches: ["ann"],
  },
  {
    description: "experienceGroupId: no members",
    query: { experienceGroupId: "6a00000000000000000000ff" },
    matches: [],
  },
  {
    description: "experienceGroupId null: in no group",
    query: { experienceGroupId: null },
    matches: ["cy"],
  },
  {
    description: "experienceGroupId $ne null: in some group",
    query: { experienceGroupId: { $ne: null } },
    matches: ["ann", "bob"],
  },
  {
    description: "experienceGroupId $ne: not a member",
    query: { experienceGroupId: { $ne: G1 } },
    matches: ["bob", "cy"],
  },
  {
    description: "experienceGroupId $in",
    query: { experienceGroupId: { $in: [G1, G2] } },
    matches: ["ann", "bob"],
  },
  {
    description: "experienceGroupId $nin",
    query: { experienceGroupId: { $nin: [G1] } },
    matches: ["bob", "cy"],
  },
  {
    description: "userTags $tagKey matches a key",
    query: { userTags: { $tagKey: "tier" } },
    matches: ["ann", "bob"],
  },
  {
    description: "userTags $tagKey matches no key",
    query: { userTags: { $tagKey: "phone" } },
    matches: [],
  },
  {
    description: "userTags $tagKey and $tagValue on one tag",
    query: { userTags: { $tagKey: "tier", $tagValue: "gold" } },
    matches: ["ann"],
  },
  {
    description: "userTags key and value on different tags do not match",
    query: { userTags: { $tagKey: "toString", $tagValue: "gold" } },
    matches: [],
  },
  {
    description: "userTags $tagValue $in",
    query: { userTags: { $tagValue: { $in: ["gold", "basic"] } } },
    matches: ["ann", "bob"],
  },
  {
    description: "userTags $tagValue $in none",
    query: { userTags: { $tagValue: { $in: ["silver"] } } },
    matches: [],
  },
  {
    description: "userTags $tagKey $nin: some other key",
    query: { userTags: { $tagKey: { $nin: ["tier"] } } },
    matches: ["ann"],
  },
  {
    description: "userTags $tagKey $nin: no other key",
    query: { userTags: { $tagKey: { $nin: ["tier", "toString"] } } },
    matches: [],
  },
  {
    description: "userTags $tagValue null: no tag with that key",
    query: { userTags: { $tagKey: "tier", $tagValue: null } },
    matches: ["cy"],
  },
  {
    description: "userTags $tagKey null: no tags",
    query: { userTags: { $tagKey: null } },
    matches: ["cy"],
  },
  {
    description: "userTags $tagKey null with a value: no tag has it",
    query: { userTags: { $tagKey: null, $tagValue: "gold" } },
    matches: ["bob", "cy"],
  },
  {
    description: "userTags map: key equals",
    query: { userTags: { tier: "gold" } },
    matches: ["ann"],
  },
  {
    description: "userTags map: key differs",
    query: { userTags: { tier: "platinum" } },
    matches: [],
  },
  {
    description: "userTags map: null means missing",
    query: { userTags: { tier: null } },
    matches: ["cy"],
  },
  {
    description: "userTags map: $in",
    query: { userTags: { tier: { $in: ["gold", "basic"] } } },
    matches: ["ann", "bob"],
  },
  {
    description: "userTags map: $nin matches missing",
    query: { userTags: { tier: { $nin: ["gold"] } } },
    matches: ["bob", "cy"],
  },
  {
    description: "userTags map: every key must match",
    query: { userTags: { tier: "gold", toString: "no" } },
    matches: [],
  },
  {
    description: "userTags map: empty matches everything",
    query: { userTags: {} },
    matches: ["ann", "bob", "cy"],
  },
  { description: "userTags null: no tags", query: { userTags: null }, matches: ["cy"] },
  {
    description: "userTags $eq: the matcher",
    query: { userTags: { $eq: { tier: "basic" } } },
    matches: ["bob"],
  },
  {
    description: "userTags $eq null: no tags",
    query: { userTags: { $eq: null } },
    matches: ["cy"],
  },
  {
    description: "userTags $ne: its negation",
    query: { userTags: { $ne: { tier: "basic" } } },
    matches: ["ann", "cy"],
  },
  {
    description: "userTags $ne null: some tags",
    query: { userTags: { $ne: null } },
    matches: ["ann", "bob"],
  },
  {
    description: "a real toString tag matches",
    query: { userTags: { toString: "yes" } },
    matches: ["ann"],
  },
  {
    description: "a constructor tag nobody has",
    query: { userTags: { $tagKey: "constructor" } },
    matches: [],
  },
  {
    description: "a toString value nobody has",
    query: { userTags: { toString: "function" } },
    matches: [],
  },
  {
    description: "a __proto__ tag nobody has",
    query: JSON.parse('{"userTags":{"__proto__":"x"}}'),
    matches: [],
  },
  {
    description: "a missing __proto__ tag is missing",
    query: JSON.parse('{"userTags":{"__proto__":null}}'),
    matches: ["ann", "bob", "cy"],
  },
];

describe("compileQuery", () => {
  it.each(cases)("$description", ({ query, matches }) => {
    schemaValidators.AdvancedExperienceUserQuery.assert(query);
    const test = compileQuery(query as AdvancedExperienceUserQuery);
    expect(records.filter(test).map((u) => u.email.split("@")[0])).toEqual(matches);
  });

  it("covers every operator the spec's query schemas name", () => {
    const schemas = document.components.schemas ?? {};
    const names = [
      "AdvancedExperienceUserQuery",
      "FieldOperators",
      "IdOperators",
      "TagKeyValueMatcher",
    ];
    const operators = names.flatMap((name) => {
      const properties = (schemas[name] as { properties?: object } | undefined)?.properties ?? {};
      return Object.keys(properties).filter((key) => key.startsWith("$"));
    });
    expect(operators.length).toBeGreaterThan(15);
    const used = JSON.stringify(cases.map((c) => c.query));
    for (const operator of operators) expect(used).toContain(`"${operator}"`);
  });
});
