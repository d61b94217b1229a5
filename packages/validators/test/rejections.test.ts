import { requestValidators, schemaValidators, type Validator } from "@experience-users/validators";
import { describe, expect, it } from "vitest";

const ID = "575ec8687ae143cd83dc4a97";
const post = { email: "user@example.com", password: "aUserPassword" };
const long = (n: number) => "x".repeat(n);
const ids = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(24, "0"));

interface Case {
  description: string;
  validator: Validator<unknown>;
  value: unknown;
  /** One violation that must be reported: JSON pointer and keyword. */
  expected: { instancePath: string; keyword: string };
}

const cases: Case[] = [
  {
    description: "Post without password",
    validator: schemaValidators.ExperienceUserPost,
    value: { email: "a@example.com" },
    expected: { instancePath: "", keyword: "required" },
  },
  {
    description: "Post without email",
    validator: schemaValidators.ExperienceUserPost,
    value: { password: "aUserPassword" },
    expected: { instancePath: "", keyword: "required" },
  },
  {
    description: "7-character password",
    validator: schemaValidators.ExperienceUserPost,
    value: { ...post, password: "1234567" },
    expected: { instancePath: "/password", keyword: "minLength" },
  },
  {
    description: "2049-character password",
    validator: schemaValidators.ExperienceUserPatch,
    value: { password: long(2049) },
    expected: { instancePath: "/password", keyword: "maxLength" },
  },
  {
    description: "extra Post property",
    validator: schemaValidators.ExperienceUserPost,
    value: { ...post, id: ID },
    expected: { instancePath: "", keyword: "additionalProperties" },
  },
  {
    description: "extra Patch property",
    validator: schemaValidators.ExperienceUserPatch,
    value: { creationDate: "2016-06-13T04:00:00.000Z" },
    expected: { instancePath: "", keyword: "additionalProperties" },
  },
  {
    description: "email that is not an email",
    validator: schemaValidators.ExperienceUserPost,
    value: { ...post, email: "not-an-email" },
    expected: { instancePath: "/email", keyword: "format" },
  },
  {
    description: "email over 1024 characters",
    validator: schemaValidators.ExperienceUserPost,
    value: { ...post, email: `${long(1020)}@example.com` },
    expected: { instancePath: "/email", keyword: "maxLength" },
  },
  {
    description: "too-long first name",
    validator: schemaValidators.ExperienceUserPost,
    value: { ...post, firstName: long(1025) },
    expected: { instancePath: "/firstName", keyword: "maxLength" },
  },
  {
    description: "too-long last name",
    validator: schemaValidators.ExperienceUserPatch,
    value: { lastName: long(1025) },
    expected: { instancePath: "/lastName", keyword: "maxLength" },
  },
  {
    description: "tokenCutoff that is not a date-time",
    validator: schemaValidators.ExperienceUserPatch,
    value: { tokenCutoff: "yesterday" },
    expected: { instancePath: "/tokenCutoff", keyword: "format" },
  },
  {
    description: "bad tag key",
    validator: schemaValidators.ExperienceUserPost,
    value: { ...post, userTags: { "bad key!": "v" } },
    expected: { instancePath: "/userTags", keyword: "additionalProperties" },
  },
  {
    description: "256-character tag key",
    validator: schemaValidators.UserTags,
    value: { [long(256)]: "v" },
    expected: { instancePath: "", keyword: "additionalProperties" },
  },
  {
    description: "empty tag value",
    validator: schemaValidators.UserTags,
    value: { key: "" },
    expected: { instancePath: "/key", keyword: "minLength" },
  },
  {
    description: "256-character tag value",
    validator: schemaValidators.UserTags,
    value: { key: long(256) },
    expected: { instancePath: "/key", keyword: "maxLength" },
  },
  {
    description: "non-string tag value",
    validator: schemaValidators.UserTags,
    value: { key: 1 },
    expected: { instancePath: "/key", keyword: "type" },
  },
  {
    description: "bad group id",
    validator: schemaValidators.ExperienceUserPost,
    value: { ...post, experienceGroupIds: ["nope"] },
    expected: { instancePath: "/experienceGroupIds/0", keyword: "pattern" },
  },
  {
    description: "1001 group ids",
    validator: schemaValidators.ExperienceUserPatch,
    value: { experienceGroupIds: ids(1001) },
    expected: { instancePath: "/experienceGroupIds", keyword: "maxItems" },
  },
  {
    description: "23-character id",
    validator: schemaValidators.Id,
    value: ID.slice(1),
    expected: { instancePath: "", keyword: "pattern" },
  },
  {
    description: "id with a non-hex character",
    validator: schemaValidators.Id,
    value: `${ID.slice(1)}g`,
    expected: { instancePath: "", keyword: "pattern" },
  },
  {
    description: "response user with a bad id",
    validator: schemaValidators.ExperienceUser,
    value: { id: "x" },
    expected: { instancePath: "/id", keyword: "pattern" },
  },
  {
    description: "response user with a bad creationDate",
    validator: schemaValidators.ExperienceUser,
    value: { creationDate: "2016-13-45" },
    expected: { instancePath: "/creationDate", keyword: "format" },
  },
  {
    description: "response user with a bad avatarUrl",
    validator: schemaValidators.ExperienceUser,
    value: { avatarUrl: "not a uri" },
    expected: { instancePath: "/avatarUrl", keyword: "format" },
  },
  {
    description: "group with an empty name",
    validator: schemaValidators.ExperienceUser,
    value: { experienceGroups: [{ id: ID, name: "" }] },
    expected: { instancePath: "/experienceGroups/0/name", keyword: "minLength" },
  },
  {
    description: "group with a bad parentId",
    validator: schemaValidators.ExperienceGroupSummary,
    value: { parentId: "x" },
    expected: { instancePath: "/parentId", keyword: "oneOf" },
  },
  {
    description: "collection with an unknown sortDirection",
    validator: schemaValidators.ExperienceUsers,
    value: { sortDirection: "up" },
    expected: { instancePath: "/sortDirection", keyword: "enum" },
  },
  {
    description: "collection with a fractional count",
    validator: schemaValidators.ExperienceUsers,
    value: { count: 1.5 },
    expected: { instancePath: "/count", keyword: "type" },
  },
  {
    description: "Success that is false",
    validator: schemaValidators.Success,
    value: { success: false },
    expected: { instancePath: "/success", keyword: "enum" },
  },
  {
    description: "query with an unknown field",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { password: "x" },
    expected: { instancePath: "", keyword: "additionalProperties" },
  },
  {
    description: "query with $where",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { $where: "1" },
    expected: { instancePath: "", keyword: "additionalProperties" },
  },
  {
    description: "$in with 101 items",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { email: { $in: Array.from({ length: 101 }, (_, i) => `${i}`) } },
    expected: { instancePath: "/email/$in", keyword: "maxItems" },
  },
  {
    description: "$in as a string",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { email: { $in: "a" } },
    expected: { instancePath: "/email/$in", keyword: "type" },
  },
  {
    description: "$in containing null",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { email: { $in: [null] } },
    expected: { instancePath: "/email/$in/0", keyword: "type" },
  },
  {
    description: "empty $startsWith",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { email: { $startsWith: "" } },
    expected: { instancePath: "/email/$startsWith", keyword: "minLength" },
  },
  {
    description: "$ci that is not a boolean",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { email: { $ci: "yes" } },
    expected: { instancePath: "/email/$ci", keyword: "type" },
  },
  {
    description: "nested $or with a bad operator",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { $and: [{ $or: [{ firstName: { $regex: "^B" } }] }] },
    expected: { instancePath: "/$and/0/$or/0/firstName", keyword: "additionalProperties" },
  },
  {
    description: "$or that is not an array",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { $or: { firstName: "Bob" } },
    expected: { instancePath: "/$or", keyword: "type" },
  },
  {
    description: "$and with 101 queries",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { $and: Array.from({ length: 101 }, () => ({})) },
    expected: { instancePath: "/$and", keyword: "maxItems" },
  },
  {
    description: "id condition with a bad id",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { id: "nope" },
    expected: { instancePath: "/id", keyword: "oneOf" },
  },
  {
    description: "id operator object with two operators",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { id: { $gt: ID, $lt: ID } },
    expected: { instancePath: "/id", keyword: "maxProperties" },
  },
  {
    description: "id operator with $contains",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { experienceGroupId: { $contains: "a" } },
    expected: { instancePath: "/experienceGroupId", keyword: "additionalProperties" },
  },
  {
    description: "userTags with an unknown operator",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { userTags: { $gt: { a: "b" } } },
    expected: { instancePath: "/userTags", keyword: "oneOf" },
  },
  {
    description: "empty tag key/value matcher",
    validator: schemaValidators.TagKeyValueMatcher,
    value: {},
    expected: { instancePath: "", keyword: "minProperties" },
  },
  {
    description: "tag value matcher with both $in and $nin",
    validator: schemaValidators.TagMatch,
    value: { $in: ["a"], $nin: ["b"] },
    expected: { instancePath: "", keyword: "oneOf" },
  },
  {
    description: "list request with perPage as text",
    validator: requestValidators.listExperienceUsers,
    value: { path: { applicationId: ID }, query: { perPage: "abc" } },
    expected: { instancePath: "/query/perPage", keyword: "type" },
  },
  {
    description: "list request with perPage 0",
    validator: requestValidators.listExperienceUsers,
    value: { path: { applicationId: ID }, query: { perPage: 0 } },
    expected: { instancePath: "/query/perPage", keyword: "minimum" },
  },
  {
    description: "list request with perPage 1001",
    validator: requestValidators.listExperienceUsers,
    value: { path: { applicationId: ID }, query: { perPage: 1001 } },
    expected: { instancePath: "/query/perPage", keyword: "maximum" },
  },
  {
    description: "list request with page -1",
    validator: requestValidators.listExperienceUsers,
    value: { path: { applicationId: ID }, query: { page: -1 } },
    expected: { instancePath: "/query/page", keyword: "minimum" },
  },
  {
    description: "list request with page 1.5",
    validator: requestValidators.listExperienceUsers,
    value: { path: { applicationId: ID }, query: { page: 1.5 } },
    expected: { instancePath: "/query/page", keyword: "type" },
  },
  {
    description: "list request with an unknown sortField",
    validator: requestValidators.listExperienceUsers,
    value: { path: { applicationId: ID }, query: { sortField: "password" } },
    expected: { instancePath: "/query/sortField", keyword: "enum" },
  },
  {
    description: "list request with experienceGroupId 'some'",
    validator: requestValidators.listExperienceUsers,
    value: { path: { applicationId: ID }, query: { experienceGroupId: "some" } },
    expected: { instancePath: "/query/experienceGroupId", keyword: "oneOf" },
  },
  {
    description: "list request with a query that is a string",
    validator: requestValidators.listExperienceUsers,
    value: { path: { applicationId: ID }, query: { query: "{not json" } },
    expected: { instancePath: "/query/query", keyword: "type" },
  },
  {
    description: "get request with a bad id in the path",
    validator: requestValidators.getExperienceUser,
    value: { path: { applicationId: ID, experienceUserId: "../x" } },
    expected: { instancePath: "/path/experienceUserId", keyword: "pattern" },
  },
  {
    description: "create request without a body",
    validator: requestValidators.createExperienceUser,
    value: { path: { applicationId: ID } },
    expected: { instancePath: "", keyword: "required" },
  },
  {
    description: "create request with a null body",
    validator: requestValidators.createExperienceUser,
    value: { path: { applicationId: ID }, body: null },
    expected: { instancePath: "/body", keyword: "type" },
  },
];

describe("every constraint rejects what it forbids", () => {
  it.each(cases)("$description", ({ validator, value, expected }) => {
    expect(validator.is(value)).toBe(false);
    expect(validator.validate(value)).toContainEqual(expect.objectContaining(expected));
  });
});
